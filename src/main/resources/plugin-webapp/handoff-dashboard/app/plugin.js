// Baton's Handoff dashboard for Cockpit (Camunda 7.14+ plugin API): a panel on the Cockpit
// dashboard and a page of its own at #/handoffs. Plain DOM and SVG, no build step.

const TYPES = ["acquisition", "retention", "winback", "cross-sell"];

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

const esc = (value) =>
  String(value ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
const hours = (seconds) => (seconds == null ? "–" : (seconds / 3600).toFixed(1));
const percent = (share) => (share == null ? "–" : `${Math.round(share * 100)}%`);
const number = (value, digits = 1) => (value == null ? "–" : Number(value).toFixed(digits));

function table(id, headers, rows) {
  if (!rows.length) {
    return `<p class="baton-empty" data-table="${id}">No data in this range.</p>`;
  }
  return `<table class="cam-table baton-table" data-table="${id}">
    <thead><tr>${headers.map((h) => `<th>${esc(h)}</th>`).join("")}</tr></thead>
    <tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join("")}</tr>`).join("")}</tbody>
  </table>`;
}

/** Horizontal bars; each bar is a list of [value, css class] segments. */
function barChart(id, rows, max, format) {
  const height = 26 * rows.length + 10;
  const width = 560;
  const labelWidth = 190;
  const scale = max > 0 ? (width - labelWidth - 70) / max : 0;
  const bars = rows
    .map((row, i) => {
      let x = labelWidth;
      const y = 5 + i * 26;
      const segments = row.segments
        .map(([value, css]) => {
          const w = Math.max(0, (value || 0) * scale);
          const rect = `<rect class="${css}" x="${x}" y="${y}" width="${w}" height="18"></rect>`;
          x += w;
          return rect;
        })
        .join("");
      return `<text class="baton-label" x="${labelWidth - 8}" y="${y + 13}" text-anchor="end">${esc(row.label)}</text>
        ${segments}<text class="baton-value" x="${x + 6}" y="${y + 13}">${esc(format(row.total))}</text>`;
    })
    .join("");
  return `<svg class="baton-chart" data-chart="${id}" width="${width}" height="${height}" role="img">${bars}</svg>`;
}

function weeklyChart(weeks) {
  if (!weeks.length) {
    return `<p class="baton-empty">No gates in this range.</p>`;
  }
  const width = 560;
  const height = 150;
  const max = Math.max(1, ...weeks.map((w) => w.attempts));
  const step = (width - 40) / weeks.length;
  const columns = weeks
    .map((w, i) => {
      const x = 30 + i * step;
      const attempts = (w.attempts / max) * (height - 40);
      const breaches = (w.breaches / max) * (height - 40);
      return `<rect class="baton-attempts" x="${x}" y="${height - 20 - attempts}" width="${step * 0.7}" height="${attempts}">
          <title>${esc(w.week)}: ${w.attempts} gates</title></rect>
        <rect class="baton-breaches" x="${x}" y="${height - 20 - breaches}" width="${step * 0.7}" height="${breaches}">
          <title>${esc(w.week)}: ${w.breaches} SLA breaches</title></rect>
        ${i % Math.ceil(weeks.length / 8) === 0 ? `<text class="baton-label" x="${x}" y="${height - 5}">${esc(w.week.substring(5))}</text>` : ""}`;
    })
    .join("");
  return `<svg class="baton-chart" data-chart="breaches" width="${width}" height="${height}" role="img">${columns}</svg>
    <p class="baton-legend"><span class="baton-swatch baton-attempts"></span> gates opened
    <span class="baton-swatch baton-breaches"></span> SLA breaches, per week</p>`;
}

function reasons(list) {
  return list.map((r) => `${esc(r.reason)} (${r.count})`).join("<br>");
}

function senderRows(rows) {
  return rows.map((s) => [esc(s.sender ?? "(none named)"), s.handoffs, percent(s.firstPassYield), s.returns, number(s.meanQuality),
    s.slaBreaches, s.openBreaches ? `<span class="baton-breach">${s.openBreaches}</span>` : "0"]);
}

function renderDashboard(node, data) {
  const gates = data.gates;
  const maxCycle = Math.max(0, ...gates.map((g) => (g.waitP50 || 0) + (g.workP50 || 0)));
  const h = data.hygiene;
  node.querySelector(".baton-results").innerHTML = `
    <section class="baton-section">
      <h3>Cycle time per gate <small>median wait + work, hours</small></h3>
      ${barChart("cycle", gates.map((g) => ({ label: g.gate, total: (g.waitP50 || 0) + (g.workP50 || 0),
        segments: [[g.waitP50, "baton-wait"], [g.workP50, "baton-work"]] })), maxCycle, hours)}
      <p class="baton-legend"><span class="baton-swatch baton-wait"></span> waiting for the team
        <span class="baton-swatch baton-work"></span> working</p>
      ${table("gates", ["Gate", "Team", "Attempts", "Open", "Wait p50 (h)", "Wait p90 (h)", "Work p50 (h)", "Work p90 (h)", "SLA breach rate"],
        gates.map((g) => [esc(g.gate), esc(g.team), g.attempts, g.open, hours(g.waitP50), hours(g.waitP90), hours(g.workP50), hours(g.workP90), percent(g.slaBreachRate)]))}
    </section>
    <section class="baton-section">
      <h3>First-pass yield per handoff <small>accepted on the first pass</small></h3>
      ${barChart("yield", data.handoffs.map((e) => ({ label: `${e.fromGate} → ${e.toGate}`, total: e.firstPassYield,
        segments: [[e.firstPassYield, "baton-yield"]] })), 1, percent)}
      ${table("handoffs", ["Handoff", "Handoffs", "Pending", "First-pass yield", "Returns", "Mean quality", "Latency p50 (h)", "Top return reasons"],
        data.handoffs.map((e) => [`${esc(e.fromGate)} → ${esc(e.toGate)}`, e.handoffs, e.pending, percent(e.firstPassYield), e.returns, number(e.meanQuality), hours(e.latencyP50), reasons(e.topReturnReasons)]))}
    </section>
    <section class="baton-section">
      <h3>SLA breaches over time</h3>
      ${weeklyChart(data.breachesByWeek)}
    </section>
    <section class="baton-section">
      <h3>Campaign hygiene <small>${h.launched} launched</small></h3>
      ${barChart("hygiene", [
        { label: "with a control group", total: h.withControlGroupShare, segments: [[h.withControlGroupShare, "baton-yield"]] },
        { label: "tracking verified", total: h.trackingVerifiedShare, segments: [[h.trackingVerifiedShare, "baton-yield"]] },
        { label: "results read out", total: h.readOutShare, segments: [[h.readOutShare, "baton-yield"]] }], 1, percent)}
    </section>
    <section class="baton-section">
      <h3>Who is accountable</h3>
      ${table("accountable", ["Accountable", "Handoffs", "First-pass yield", "Returns", "Mean quality", "SLA breaches", "of which open now"], senderRows(data.accountable))}
      <h4>By sending team</h4>
      ${table("teams", ["Team", "Handoffs", "First-pass yield", "Returns", "Mean quality", "SLA breaches", "of which open now"], senderRows(data.teams))}
    </section>
    <section class="baton-section">
      <h3>Outcomes by campaign type</h3>
      ${table("outcomes", ["Type", "Read-outs", "Mean lift", "Significant", "Scale", "Iterate", "Stop"],
        data.outcomes.map((o) => [esc(o.campaignType), o.readOuts, percent(o.meanLift), percent(o.significantShare), o.scale, o.iterate, o.stop]))}
    </section>
    ${programsSection(data.programs || [])}
    <section class="baton-section">
      <h3>Campaigns</h3>
      ${table("campaigns", ["Campaign", "Name", "Type", "Outcome", "Gate attempts", "Returns", ""],
        data.campaigns.map((c) => [
          `<a href="#/handoffs?campaign=${encodeURIComponent(c.businessKey)}" data-timeline="${esc(c.businessKey)}">${esc(c.businessKey)}</a>`,
          esc(c.name), esc(c.campaignType), esc(c.outcome), c.gateAttempts, c.returns,
          `<a href="#/process-instance/${encodeURIComponent(c.processInstanceId)}/runtime">process instance</a>`]))}
      <div class="baton-timeline"></div>
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
          return [esc(p.businessKey), esc(p.name), esc(p.campaignType), esc(p.outcome), p.reviews.length,
            percent(last.activeLift), sparkline(p.reviews), esc(last.decision ?? "–"),
            `<a href="#/process-instance/${encodeURIComponent(p.processInstanceId)}/runtime">process instance</a>`];
        }))}
    </section>`;
}

function renderTimeline(container, timeline) {
  const rows = timeline.entries.map((e) =>
    e.kind === "gate"
      ? [esc(e.at.replace("T", " ").substring(0, 16)), `gate <b>${esc(e.gate)}</b> #${e.attempt}`, esc(e.team), esc(e.person ?? "–"),
          `wait ${hours(e.waitSeconds)} h, work ${hours(e.workSeconds)} h`, esc(e.outcome) + (e.slaBreached ? " <span class=\"baton-breach\">SLA breached</span>" : "")]
      : [esc(e.at.replace("T", " ").substring(0, 16)), `handoff ${esc(e.gate)} → ${esc(e.toGate)} #${e.attempt}`, esc(e.team), esc(e.person ?? "–"),
          `latency ${hours(e.waitSeconds)} h`, esc(e.outcome) + (e.quality ? ` (quality ${e.quality})` : "") + (e.returnReason ? `: ${esc(e.returnReason)}` : "")]);
  container.innerHTML = `<h4>Timeline of ${esc(timeline.businessKey)} – ${esc(timeline.name)}
      <a href="#/process-instance/${encodeURIComponent(timeline.processInstanceId)}/runtime">open in Cockpit</a></h4>
    ${table("timeline", ["When (UTC)", "What", "Team", "Who", "Durations", "Outcome"], rows)}`;
}

function page(node, api) {
  const today = new Date().toISOString().substring(0, 10);
  const from = new Date(Date.now() - 90 * 86400000).toISOString().substring(0, 10);
  node.innerHTML = `<div class="baton-dashboard">
    <h2>Handoff dashboard</h2>
    <form class="form-inline baton-filters">
      <label>From <input class="form-control" type="date" name="from" value="${from}"></label>
      <label>To <input class="form-control" type="date" name="to" value="${today}"></label>
      <label>Campaign type <select class="form-control" name="campaignType"><option value="">all</option>
        ${TYPES.map((t) => `<option value="${t}">${t}</option>`).join("")}</select></label>
      <button class="btn btn-default" type="submit">Apply</button>
    </form>
    <div class="baton-error"></div>
    <div class="baton-results">Loading…</div>
  </div>`;
  const form = node.querySelector("form");
  const load = async () => {
    const params = new URLSearchParams();
    for (const [key, value] of new FormData(form)) {
      if (value) params.set(key, value);
    }
    node.querySelector(".baton-error").textContent = "";
    try {
      renderDashboard(node, await getJson(`${apiBase(api)}/dashboard?${params}`));
      node.querySelector(".baton-dashboard").dataset.loaded = "true";
    } catch (e) {
      node.querySelector(".baton-error").textContent = e.message;
    }
  };
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    load();
  });
  node.addEventListener("click", async (event) => {
    const link = event.target.closest("[data-timeline]");
    if (!link) return;
    event.preventDefault();
    const container = node.querySelector(".baton-timeline");
    try {
      renderTimeline(container, await getJson(`${apiBase(api)}/campaigns/${encodeURIComponent(link.dataset.timeline)}/timeline`));
    } catch (e) {
      container.textContent = e.message;
    }
  });
  load();
}

async function dashboardPanel(node, api) {
  node.innerHTML = `<section class="baton-panel"><h3>Handoffs, last 90 days</h3><div class="baton-results">Loading…</div>
    <p><a href="#/handoffs">Open the Handoff dashboard</a></p></section>`;
  try {
    const data = await getJson(`${apiBase(api)}/dashboard`);
    node.querySelector(".baton-results").innerHTML =
      barChart("yield-summary", data.handoffs.map((e) => ({ label: `${e.fromGate} → ${e.toGate}`, total: e.firstPassYield,
        segments: [[e.firstPassYield, "baton-yield"]] })), 1, (v) => `${percent(v)} first pass`);
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
    id: "baton.handoffs.page",
    pluginPoint: "cockpit.route",
    priority: 5,
    properties: { path: "/handoffs" },
    render: (node, { api } = {}) => page(node, api),
  },
];
