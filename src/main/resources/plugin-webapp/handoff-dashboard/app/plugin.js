// Baton's Handoff plugin for Cockpit (Camunda 7.14+ plugin API): a panel on the Cockpit
// dashboard, the Handoff dashboard at #/handoffs (a campaign's timeline at
// #/handoffs?campaign=<code>) and the campaign board at #/campaign-board. Plain DOM and SVG.

/** Types and channels by the start form's labels (CampaignRequest.TYPE_LABELS, CHANNEL_LABELS). */
const TYPE_LABELS = { acquisition: "Acquisition", retention: "Retention", winback: "Win-back", "cross-sell": "Cross-sell" };
const CHANNEL_LABELS = { email: "E-mail", sms: "SMS", "direct-mail": "Direct mail", push: "Push notification", "paid-social": "Paid social" };
const TYPES = Object.keys(TYPE_LABELS);
const CHANNELS = Object.keys(CHANNEL_LABELS);
const typeLabel = (id) => TYPE_LABELS[id] ?? id;
const channelLabel = (id) => CHANNEL_LABELS[id] ?? id;
/** Team groups by the names Baton gives them (setup/TeamAuthorizations), as Tasklist shows them. */
const TEAM_LABELS = { optimization: "Optimisation", "project-managers": "Project managers" };
const teamLabel = (id) => (id ? TEAM_LABELS[id] ?? id.charAt(0).toUpperCase() + id.slice(1) : id);
/** Campaigns in these states still have a process instance Cockpit can show. */
const RUNNING = ["running", "launched"];

/** /camunda/api/cockpit/plugin/handoff-dashboard/<engine>, from Cockpit's own URL. */
function apiBase(api) {
  const path = window.location.pathname;
  const root = path.substring(0, path.indexOf("/app/"));
  const match = path.match(/\/app\/cockpit\/([^/]+)/);
  const engine = (api && api.engine) || (match ? match[1] : "default");
  return `${root}/api/cockpit/plugin/handoff-dashboard/${encodeURIComponent(engine)}`;
}

async function getJson(url) {
  const response = await fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } });
  const body = await response.json();
  if (!response.ok) {
    throw new Error(body.message || `HTTP ${response.status}`);
  }
  return body;
}

/** The gates in lifecycle order with their names, asked once per page load. */
let gateCatalog = null;
async function catalog(api) {
  if (!gateCatalog) {
    const gates = await getJson(`${apiBase(api)}/gates`);
    gateCatalog = {
      gates,
      order: new Map(gates.map((g, i) => [g.key, i])),
      names: new Map(gates.map((g) => [g.key, g.name])),
      teams: [...new Set(gates.map((g) => g.team))].sort(),
    };
  }
  return gateCatalog;
}
const gateName = (key) => (gateCatalog && gateCatalog.names.get(key)) || key;
const gateRank = (key) => (gateCatalog && gateCatalog.order.has(key) ? gateCatalog.order.get(key) : 999);

const esc = (value) =>
  String(value ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
const percent = (share) => (share == null ? "–" : `${Math.round(share * 100)}%`);
const signedPercent = (share) => (share == null ? "–" : `${share >= 0 ? "+" : ""}${(share * 100).toFixed(1)}%`);
const number = (value, digits = 1) => (value == null ? "–" : Number(value).toFixed(digits));
const count = (value) => (value == null ? "–" : Number(value).toLocaleString("en"));

/** A duration in the unit people read it in: minutes, hours, or days past two days. */
function duration(seconds) {
  if (seconds == null) return "–";
  if (seconds < 60) return "< 1 min";
  if (seconds < 3600) return `${Math.round(seconds / 60)} min`;
  if (seconds < 48 * 3600) return `${(seconds / 3600).toFixed(1)} h`;
  return `${(seconds / 86400).toFixed(1)} d`;
}

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
/** "Mon 30 Nov 2026, 08:00 UTC", as Baton's forms and mails write times. */
function when(iso) {
  if (!iso) return "–";
  const d = new Date(iso);
  const pad = (n) => String(n).padStart(2, "0");
  return `${DAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}, `
    + `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;
}

function table(id, headers, rows, rowClass = () => "") {
  if (!rows.length) {
    return `<p class="baton-empty" data-table="${id}">No data in this range.</p>`;
  }
  return `<table class="cam-table baton-table" data-table="${id}">
    <thead><tr>${headers.map((h) => `<th>${h.html ?? esc(h)}</th>`).join("")}</tr></thead>
    <tbody>${rows.map((r, i) => `<tr class="${rowClass(i)}">${r.map((c) => `<td>${c}</td>`).join("")}</tr>`).join("")}</tbody>
  </table>`;
}

/** Round axis steps: 1, 2 or 5 times a power of ten, about four of them up to max. */
function ticks(max) {
  if (!(max > 0)) return [0];
  const raw = max / 4;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw);
  const out = [];
  for (let t = 0; t <= max + step * 0.001; t += step) out.push(t);
  if (out[out.length - 1] < max) out.push(out[out.length - 1] + step);
  return out;
}

/** Axis steps for durations, round in the unit the longest bar is read in (minutes, hours or days). */
function durationAxis(maxSeconds) {
  const unit = maxSeconds < 3600 ? [60, "min"] : maxSeconds < 48 * 3600 ? [3600, "h"] : [86400, "d"];
  return {
    ticks: ticks(maxSeconds / unit[0]).map((t) => t * unit[0]),
    format: (seconds) => (seconds === 0 ? "0" : `${+(seconds / unit[0]).toFixed(1)} ${unit[1]}`),
  };
}

/**
 * Horizontal bars with a value axis; each bar is a list of [value, css class] segments. The
 * label column is as wide as the longest label, and the drawing scales to its container, so
 * labels are never cut.
 */
function barChart(id, rows, max, format, axisTitle, axisScale = { ticks: ticks(max), format }) {
  const longest = Math.max(8, ...rows.map((r) => String(r.label).length));
  const labelWidth = 12 + longest * 6.8;
  const plot = 360;
  const width = labelWidth + plot + 90;
  const axis = axisScale.ticks;
  const top = axis[axis.length - 1] || 1;
  const scale = plot / top;
  const height = 26 * rows.length + 46;
  const bars = rows
    .map((row, i) => {
      let x = labelWidth;
      const y = 5 + i * 26;
      const segments = row.segments
        .map(([value, css]) => {
          const w = Math.max(0, (value || 0) * scale);
          const rect = `<rect class="${css}" x="${x}" y="${y}" width="${w}" height="18"><title>${esc(row.label)}: ${esc(format(value))}</title></rect>`;
          x += w;
          return rect;
        })
        .join("");
      return `<text class="baton-label" x="${labelWidth - 8}" y="${y + 13}" text-anchor="end">${esc(row.label)}</text>
        ${segments}<text class="baton-value" x="${x + 6}" y="${y + 13}">${esc(format(row.total))}</text>`;
    })
    .join("");
  const base = 5 + rows.length * 26 + 2;
  const grid = axis
    .map((t) => {
      const x = labelWidth + t * scale;
      return `<line class="baton-grid" x1="${x}" x2="${x}" y1="2" y2="${base}"></line>
        <text class="baton-tick" x="${x}" y="${base + 14}" text-anchor="middle">${esc(axisScale.format(t))}</text>`;
    })
    .join("");
  return `<svg class="baton-chart" data-chart="${id}" viewBox="0 0 ${width} ${height}" width="${width}" role="img">
    ${grid}<line class="baton-axis" x1="${labelWidth}" x2="${labelWidth + plot}" y1="${base}" y2="${base}"></line>${bars}
    <text class="baton-axis-title" x="${labelWidth + plot / 2}" y="${height - 4}" text-anchor="middle">${esc(axisTitle)}</text></svg>`;
}

function weeklyChart(weeks) {
  if (!weeks.length) {
    return `<p class="baton-empty">No gates in this range.</p>`;
  }
  const width = 620;
  const height = 190;
  const left = 46;
  const bottom = 40;
  const axis = ticks(Math.max(1, ...weeks.map((w) => w.attempts)));
  const top = axis[axis.length - 1];
  const plotHeight = height - bottom - 10;
  const y = (v) => height - bottom - (v / top) * plotHeight;
  const step = (width - left - 10) / weeks.length;
  const labelEvery = Math.ceil(weeks.length / 8);
  const grid = axis
    .map((t) => `<line class="baton-grid" x1="${left}" x2="${width - 10}" y1="${y(t)}" y2="${y(t)}"></line>
      <text class="baton-tick" x="${left - 6}" y="${y(t) + 4}" text-anchor="end">${t}</text>`)
    .join("");
  const columns = weeks
    .map((w, i) => {
      const x = left + 4 + i * step;
      return `<rect class="baton-attempts" x="${x}" y="${y(w.attempts)}" width="${step * 0.7}" height="${y(0) - y(w.attempts)}">
          <title>week of ${esc(w.week)}: ${w.attempts} gates opened</title></rect>
        <rect class="baton-breaches" x="${x}" y="${y(w.breaches)}" width="${step * 0.7}" height="${y(0) - y(w.breaches)}">
          <title>week of ${esc(w.week)}: ${w.breaches} SLA breaches</title></rect>
        ${i % labelEvery === 0 ? `<text class="baton-tick" x="${x}" y="${height - bottom + 14}">${esc(w.week.substring(5))}</text>` : ""}`;
    })
    .join("");
  return `<svg class="baton-chart" data-chart="breaches" viewBox="0 0 ${width} ${height}" width="${width}" role="img">
    ${grid}<line class="baton-axis" x1="${left}" x2="${width - 10}" y1="${y(0)}" y2="${y(0)}"></line>${columns}
    <text class="baton-axis-title" x="12" y="${height / 2 - 20}" transform="rotate(-90 12 ${height / 2 - 20})" text-anchor="middle">gates</text>
    <text class="baton-axis-title" x="${left + (width - left) / 2}" y="${height - 6}" text-anchor="middle">week starting (month-day)</text></svg>
    <p class="baton-legend"><span class="baton-swatch baton-attempts"></span> gates opened
    <span class="baton-swatch baton-breaches"></span> of which breached their SLA</p>`;
}

function reasons(list) {
  return list.map((r) => `${esc(r.reason)} (${r.count})`).join("<br>");
}

function senderRows(rows, label = (id) => id) {
  return rows.map((s) => [esc(s.sender == null ? "(none named)" : label(s.sender)), count(s.handoffs), percent(s.firstPassYield), count(s.returns),
    number(s.meanQuality), count(s.slaBreaches), s.openBreaches ? `<span class="baton-breach">${s.openBreaches}</span>` : "0"]);
}

const edgeLabel = (e) => `${gateName(e.fromGate)} → ${gateName(e.toGate)}`;
const byLifecycle = (gates) => [...gates].sort((a, b) => gateRank(a.gate) - gateRank(b.gate));
const edgesByLifecycle = (edges) =>
  [...edges].sort((a, b) => gateRank(a.fromGate) - gateRank(b.fromGate) || gateRank(a.toGate) - gateRank(b.toGate));

/** A campaign's code opens its timeline; "open in Cockpit" only while Cockpit has an instance to show. */
function campaignLinks(code, processInstanceId, outcome) {
  return [
    `<a href="#/handoffs?campaign=${encodeURIComponent(code)}" data-timeline="${esc(code)}">${esc(code)}</a>`,
    RUNNING.includes(outcome) && processInstanceId
      ? `<a href="#/process-instance/${encodeURIComponent(processInstanceId)}/runtime">open in Cockpit</a>`
      : `<span class="baton-muted" title="finished: its timeline is the record">finished</span>`,
  ];
}

function renderDashboard(node, data) {
  const gates = byLifecycle(data.gates);
  const edges = edgesByLifecycle(data.handoffs);
  const maxCycle = Math.max(0, ...gates.map((g) => (g.waitP50 || 0) + (g.workP50 || 0)));
  const h = data.hygiene;
  node.querySelector(".baton-results").innerHTML = `
    <section class="baton-section">
      <h3>Cycle time per gate <small>median wait + median work, in lifecycle order</small></h3>
      ${barChart("cycle", gates.map((g) => ({ label: gateName(g.gate), total: (g.waitP50 || 0) + (g.workP50 || 0),
        segments: [[g.waitP50, "baton-wait"], [g.workP50, "baton-work"]] })), maxCycle, duration, "median cycle time",
        durationAxis(maxCycle))}
      <p class="baton-legend"><span class="baton-swatch baton-wait"></span> waiting for the team
        <span class="baton-swatch baton-work"></span> working</p>
      ${table("gates", ["Gate", "Team", "Attempts", "Open", "Wait p50", "Wait p90", "Work p50", "Work p90", "SLA breach rate"],
        gates.map((g) => [`<span data-gate="${esc(g.gate)}">${esc(gateName(g.gate))}</span>`, esc(teamLabel(g.team)), count(g.attempts), count(g.open),
          duration(g.waitP50), duration(g.waitP90), duration(g.workP50), duration(g.workP90), percent(g.slaBreachRate)]))}
    </section>
    <section class="baton-section">
      <h3>First-pass yield per handoff <small>accepted on the first pass</small></h3>
      ${barChart("yield", edges.map((e) => ({ label: edgeLabel(e), total: e.firstPassYield,
        segments: [[e.firstPassYield, "baton-yield"]] })), 1, percent, "share accepted on the first pass")}
      ${table("handoffs", ["Handoff", "Handoffs", "Pending", "First-pass yield", "Returns", "Mean quality", "Latency p50", "Top return reasons"],
        edges.map((e) => [esc(edgeLabel(e)), count(e.handoffs), count(e.pending), percent(e.firstPassYield), count(e.returns),
          number(e.meanQuality), duration(e.latencyP50), reasons(e.topReturnReasons)]))}
    </section>
    <section class="baton-section">
      <h3>SLA breaches over time <small>per week</small></h3>
      ${weeklyChart(data.breachesByWeek)}
    </section>
    <section class="baton-section">
      <h3>Campaign hygiene <small>${count(h.launched)} launched</small></h3>
      ${barChart("hygiene", [
        { label: "with a control group", total: h.withControlGroupShare, segments: [[h.withControlGroupShare, "baton-yield"]] },
        { label: "tracking verified", total: h.trackingVerifiedShare, segments: [[h.trackingVerifiedShare, "baton-yield"]] },
        { label: "results read out", total: h.readOutShare, segments: [[h.readOutShare, "baton-yield"]] }], 1, percent,
        "share of launched campaigns")}
    </section>
    <section class="baton-section">
      <h3>Who is accountable <small>SLA breaches include gates past due that nobody has handed on yet</small></h3>
      ${table("accountable", ["Accountable", "Handoffs", "First-pass yield", "Returns", "Mean quality", "SLA breaches", "of which open now"], senderRows(data.accountable))}
      <h4>By team</h4>
      ${table("teams", ["Team", "Handoffs", "First-pass yield", "Returns", "Mean quality", "SLA breaches", "of which open now"], senderRows(data.teams, teamLabel))}
    </section>
    <section class="baton-section">
      <h3>Outcomes by campaign type</h3>
      ${table("outcomes", ["Type", "Read-outs", "Mean lift", "Significant", "Scale", "Iterate", "Stop"],
        data.outcomes.map((o) => [esc(typeLabel(o.campaignType)), count(o.readOuts), signedPercent(o.meanLift), percent(o.significantShare),
          count(o.scale), count(o.iterate), count(o.stop)]))}
    </section>
    ${programsSection(data.programs || [])}
    <section class="baton-section">
      <h3>Campaigns <small>newest first; the code opens the timeline</small></h3>
      ${table("campaigns", ["Campaign", "Name", "Type", "Outcome", "Gate attempts", "Returns", ""],
        data.campaigns.map((c) => {
          const [code, cockpit] = campaignLinks(c.businessKey, c.processInstanceId, c.outcome);
          return [code, esc(c.name), esc(typeLabel(c.campaignType)), esc(c.outcome), count(c.gateAttempts), count(c.returns), cockpit];
        }))}
    </section>`;
}

/** A small line of the active-rate lift across reviews. */
function sparkline(reviews) {
  const lifts = reviews.map((r) => (r.activeLift == null ? 0 : r.activeLift));
  if (!lifts.length) return "";
  const width = 140;
  const height = 30;
  const max = Math.max(0.01, ...lifts.map(Math.abs));
  const step = lifts.length > 1 ? width / (lifts.length - 1) : 0;
  const points = lifts.map((l, i) => `${(i * step).toFixed(1)},${(height / 2 - (l / max) * (height / 2 - 2)).toFixed(1)}`).join(" ");
  return `<svg class="baton-spark" width="${width}" height="${height}"><line x1="0" x2="${width}" y1="${height / 2}" y2="${height / 2}"></line>
    <polyline points="${points}"></polyline></svg>`;
}

function programsSection(programs) {
  return `<section class="baton-section">
      <h3>Always-on programs <small>lift of the active rate against the standing holdout, per review</small></h3>
      ${table("programs", ["Program", "Name", "Type", "Outcome", "Reviews", "Latest lift", "Trend", "Latest decision", ""],
        programs.map((p) => {
          const last = p.reviews[p.reviews.length - 1] || {};
          const [code, cockpit] = campaignLinks(p.businessKey, p.processInstanceId, p.outcome);
          return [code, esc(p.name), esc(typeLabel(p.campaignType)), esc(p.outcome), p.reviews.length,
            signedPercent(last.activeLift), sparkline(p.reviews), esc(last.decision ?? "–"), cockpit];
        }))}
    </section>`;
}

/** What one timeline entry says: what happened, and the words and figures that go with it. */
function timelineRow(e) {
  const note = e.note ? `<div class="baton-note">“${esc(e.note)}”</div>` : "";
  switch (e.kind) {
    case "gate":
      return [`gate <b>${esc(gateName(e.gate))}</b>, attempt ${e.attempt}`, esc(e.team), esc(e.person ?? "unclaimed"),
        `wait ${duration(e.waitSeconds)}, work ${duration(e.workSeconds)}`,
        esc(e.outcome) + (e.slaBreached ? ' <span class="baton-breach">SLA breached</span>' : "")];
    case "handoff":
      return [`handoff ${esc(gateName(e.gate))} → ${esc(gateName(e.toGate))}, pass ${e.attempt}`, esc(e.team), esc(e.person ?? "–"),
        `decided after ${duration(e.waitSeconds)}`,
        esc(e.outcome) + (e.quality ? ` (quality ${e.quality}/5)` : "") + (e.returnReason ? `<div class="baton-note">“${esc(e.returnReason)}”</div>` : "")];
    case "comment":
      return [`comment on <b>${esc(gateName(e.gate) ?? "a task")}</b>${e.attempt ? `, attempt ${e.attempt}` : ""}`, esc(e.team ?? ""),
        esc(e.person ?? "–"), "", note];
    case "escalation":
      return [`overdue <b>${esc(gateName(e.gate) ?? "gate")}</b>: ${esc(e.detail)}`, esc(e.team ?? ""), esc(e.person ?? "–"), "", note];
    default:
      return [`<b>${esc(e.kind)}</b>: ${esc(e.detail ?? "")}`, "", esc(e.person ?? ""), "", esc(e.outcome ?? "") + note];
  }
}

function renderTimeline(container, timeline) {
  const rows = timeline.entries.map((e) => [esc(when(e.at)), ...timelineRow(e)]);
  const cockpit = RUNNING.includes(timeline.outcome) && timeline.processInstanceId
    ? `<a href="#/process-instance/${encodeURIComponent(timeline.processInstanceId)}/runtime">open the running instance in Cockpit</a>`
    : `<span class="baton-muted">${esc(timeline.outcome)}: this timeline is its record</span>`;
  container.innerHTML = `<h4 id="baton-timeline">Timeline of ${esc(timeline.businessKey)} – ${esc(timeline.name)} ${cockpit}</h4>
    ${table("timeline", ["When", "What", "Team", "Who", "Durations", "Outcome"], rows)}`;
}

/** The campaign named in the page's address (#/handoffs?campaign=CODE), if any. */
function campaignInAddress() {
  const hash = window.location.hash;
  const query = hash.includes("?") ? hash.substring(hash.indexOf("?") + 1) : "";
  return new URLSearchParams(query).get("campaign");
}

async function showTimeline(node, api, code) {
  const container = node.querySelector(".baton-timeline");
  container.textContent = "Loading the timeline…";
  try {
    renderTimeline(container, await getJson(`${apiBase(api)}/campaigns/${encodeURIComponent(code)}/timeline`));
    container.scrollIntoView();
  } catch (e) {
    container.innerHTML = `<p class="baton-error">${esc(e.message)}</p>`;
  }
}

/** A filter form's filled fields as query parameters. */
function formParams(form) {
  const params = new URLSearchParams();
  for (const [key, value] of new FormData(form)) {
    if (value) params.set(key, value);
  }
  return params;
}

/** Reloads on the form's submit (Apply) instead of navigating. */
function reloadOnSubmit(form, load) {
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    load();
  });
}

function page(node, api) {
  const today = new Date().toISOString().substring(0, 10);
  const from = new Date(Date.now() - 90 * 86400000).toISOString().substring(0, 10);
  node.innerHTML = `<div class="baton-dashboard">
    <h2>Handoff dashboard <small><a href="#/campaign-board">Campaign board</a></small></h2>
    <div class="baton-timeline"></div>
    <form class="form-inline baton-filters">
      <label>From <input class="form-control" type="date" name="from" value="${from}"></label>
      <label>To <input class="form-control" type="date" name="to" value="${today}"></label>
      <label>Campaign type <select class="form-control" name="campaignType"><option value="">all</option>
        ${TYPES.map((t) => `<option value="${t}">${typeLabel(t)}</option>`).join("")}</select></label>
      <button class="btn btn-default" type="submit">Apply</button>
    </form>
    <div class="baton-error"></div>
    <div class="baton-results">Loading…</div>
  </div>`;
  const form = node.querySelector("form");
  const load = async () => {
    const params = formParams(form);
    node.querySelector(".baton-error").textContent = "";
    try {
      await catalog(api);
      renderDashboard(node, await getJson(`${apiBase(api)}/dashboard?${params}`));
      node.querySelector(".baton-dashboard").dataset.loaded = "true";
    } catch (e) {
      node.querySelector(".baton-error").textContent = e.message;
    }
  };
  reloadOnSubmit(form, load);
  node.addEventListener("click", (event) => {
    const link = event.target.closest("[data-timeline]");
    if (!link) return;
    event.preventDefault();
    showTimeline(node, api, link.dataset.timeline);
  });
  const named = campaignInAddress();
  load().then(() => named && showTimeline(node, api, named));
}

/** Where a campaign is when no gate holds it. */
const STAGE_LABELS = { review: "review against holdout due", measuring: "measuring (launched)", live: "live, between reviews",
  paused: "paused", starting: "starting" };

const BOARD_SORTS = { due: "due date", since: "waiting longest", returns: "most returns", code: "code" };

function boardRows(entries) {
  return entries.map((e) => {
    const stage = e.gate ? `<span data-gate="${esc(e.gate)}">${esc(gateName(e.gate))}</span>${e.attempt > 1 ? ` <small>(attempt ${e.attempt})</small>` : ""}`
      : esc(STAGE_LABELS[e.stage] ?? e.stage);
    return [
      `<a href="#/handoffs?campaign=${encodeURIComponent(e.businessKey)}">${esc(e.businessKey)}</a>`,
      esc(e.name), esc(e.kind), esc(typeLabel(e.campaignType)), esc(channelLabel(e.channel)), stage, esc(teamLabel(e.team) ?? "–"),
      e.gate || e.stage === "review" ? esc(e.holder ?? "unclaimed") : "–", esc(when(e.since)),
      e.dueAt ? esc(when(e.dueAt)) + (e.overdue ? ' <span class="baton-breach">overdue</span>' : "") : "–",
      count(e.returns), esc(e.owner ?? "–"),
    ];
  });
}

async function boardPage(node, api) {
  node.innerHTML = `<div class="baton-dashboard baton-board">
    <h2>Campaign board <small>where every running campaign and program is now · <a href="#/handoffs">Handoff dashboard</a></small></h2>
    <form class="form-inline baton-filters">
      <label>Type <select class="form-control" name="campaignType"><option value="">all</option>
        ${TYPES.map((t) => `<option value="${t}">${typeLabel(t)}</option>`).join("")}</select></label>
      <label>Channel <select class="form-control" name="channel"><option value="">all</option>
        ${CHANNELS.map((c) => `<option value="${c}">${channelLabel(c)}</option>`).join("")}</select></label>
      <label>Team <select class="form-control" name="team"><option value="">all</option></select></label>
      <label>Owner <input class="form-control" name="owner" size="10" placeholder="user id"></label>
      <label>Sort by <select class="form-control" name="sort">
        ${Object.entries(BOARD_SORTS).map(([k, v]) => `<option value="${k}">${v}</option>`).join("")}</select></label>
      <button class="btn btn-default" type="submit">Apply</button>
      <a class="baton-csv" href="#">Download CSV</a>
    </form>
    <div class="baton-error"></div>
    <div class="baton-results">Loading…</div>
  </div>`;
  const form = node.querySelector("form");
  const load = async () => {
    node.querySelector(".baton-error").textContent = "";
    const p = formParams(form);
    node.querySelector(".baton-csv").href = `${apiBase(api)}/board?${p}&format=csv`;
    try {
      const entries = await getJson(`${apiBase(api)}/board?${p}`);
      // teams holding a baton outside the gates (a program's review) join the filter once seen
      const known = new Set(Array.from(form.elements.team.options).map((o) => o.value));
      entries.map((e) => e.team).filter((t) => t && !known.has(t)).forEach((t) => {
        known.add(t);
        form.elements.team.add(new Option(teamLabel(t), t));
      });
      const sortHeader = (label, key) => ({ html: `<a href="#" data-sort="${key}">${esc(label)}</a>` });
      node.querySelector(".baton-results").innerHTML = `<p>${entries.length} running campaigns and programs
        (${entries.filter((e) => e.overdue).length} overdue)</p>`
        + table("board", [sortHeader("Code", "code"), "Name", "Kind", "Type", "Channel", "At", "Team", "Holder",
          sortHeader("Since", "since"), sortHeader("Due", "due"), sortHeader("Returns", "returns"), "Owner"],
        boardRows(entries), (i) => (entries[i].overdue ? "baton-overdue" : ""));
      node.querySelector(".baton-board").dataset.loaded = "true";
    } catch (e) {
      node.querySelector(".baton-error").textContent = e.message;
    }
  };
  reloadOnSubmit(form, load);
  node.addEventListener("click", (event) => {
    const sort = event.target.closest("[data-sort]");
    if (!sort) return;
    event.preventDefault();
    form.elements.sort.value = sort.dataset.sort;
    load();
  });
  try {
    const { teams } = await catalog(api);
    form.elements.team.innerHTML += teams.map((t) => `<option value="${esc(t)}">${esc(teamLabel(t))}</option>`).join("");
  } catch (e) {
    node.querySelector(".baton-error").textContent = e.message;
  }
  load();
}

async function dashboardPanel(node, api) {
  node.innerHTML = `<section class="baton-panel"><h3>Handoffs, last 90 days</h3><div class="baton-results">Loading…</div>
    <p><a href="#/handoffs">Open the Handoff dashboard</a> · <a href="#/campaign-board">Campaign board</a></p></section>`;
  try {
    await catalog(api);
    const data = await getJson(`${apiBase(api)}/dashboard`);
    node.querySelector(".baton-results").innerHTML =
      barChart("yield-summary", edgesByLifecycle(data.handoffs).map((e) => ({ label: edgeLabel(e), total: e.firstPassYield,
        segments: [[e.firstPassYield, "baton-yield"]] })), 1, percent, "accepted on the first pass");
  } catch (e) {
    node.querySelector(".baton-results").textContent = e.message;
  }
}

export default [
  {
    id: "baton.handoffs.dashboardPanel",
    pluginPoint: "cockpit.dashboard",
    priority: 5,
    render: (node, { api } = {}) => dashboardPanel(node, api),
  },
  {
    id: "baton.handoffs.navigation",
    pluginPoint: "cockpit.navigation",
    priority: 5,
    properties: { path: "/handoffs" },
    render: (node) => {
      node.innerHTML = `<a href="#/handoffs">Handoffs</a>`;
    },
  },
  {
    id: "baton.handoffs.boardNavigation",
    pluginPoint: "cockpit.navigation",
    priority: 4,
    properties: { path: "/campaign-board" },
    render: (node) => {
      node.innerHTML = `<a href="#/campaign-board">Campaign board</a>`;
    },
  },
  {
    id: "baton.handoffs.page",
    pluginPoint: "cockpit.route",
    priority: 5,
    properties: { path: "/handoffs" },
    render: (node, { api } = {}) => page(node, api),
  },
  {
    id: "baton.handoffs.board",
    pluginPoint: "cockpit.route",
    priority: 5,
    properties: { path: "/campaign-board" },
    render: (node, { api } = {}) => boardPage(node, api),
  },
];
