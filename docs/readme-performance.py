#!/usr/bin/env python3
"""Writes the figures of the README's Performance section from one benchmark run.

    mvn -Pbench verify
    python3 docs/readme-performance.py target/bench COMMIT MINUTES

COMMIT is the commit the run measured, MINUTES how long `mvn -Pbench verify` took. The script
replaces what lies between the markers `<!-- bench:begin -->` and `<!-- bench:end -->` in
README.md with tables and sentences built from target/bench/*.json; nothing in that block is
typed by hand. The prose around the block explains the figures and holds none of them.
"""
import json
import re
import sys
from pathlib import Path

class Run:
    def __init__(self, folder):
        self.folder = Path(folder)
        self.files = {}
        for name in ("gate-throughput", "gate-throughput-recommended", "rest-load", "kpi-queries", "startup"):
            path = self.folder / (name + ".json")
            if not path.exists():
                sys.exit(f"{path} is missing: run all benchmarks (mvn -Pbench verify) first")
            self.files[name] = json.loads(path.read_text())

    def context(self, bench, key):
        return self.files[bench]["context"][key]

    def figure(self, bench, measurement):
        for f in self.files[bench]["figures"]:
            if f["measurement"] == measurement:
                return f
        sys.exit(f"{bench}: no figure '{measurement}'")

    def value(self, bench, measurement):
        return self.figure(bench, measurement)["value"]

    def passes(self, bench, measurement):
        return self.figure(bench, measurement)["pass"]

    def threads(self, bench):
        """The thread counts the gate benchmark measured (1, 2 and 4 unless -Dbench.threads said otherwise)."""
        prefix = "Baton / baseline, same configuration, "
        counts = [f["measurement"][len(prefix):] for f in self.files[bench]["figures"] if f["measurement"].startswith(prefix)]
        return [int(c.split()[0]) for c in counts if re.fullmatch(r"\d+ thread\(s\)", c)]

    def per_thread(self, bench, measurement):
        return [self.value(bench, f"{measurement}, {t} thread(s)") for t in self.threads(bench)]

    def all_pass(self, bench, measurement):
        return all(self.passes(bench, f"{measurement}, {t} thread(s)") for t in self.threads(bench))


def fmt(value, digits=1):
    return f"{value:.{digits}f}"


def joined(values, digits=3, bold=False, target=None):
    # a value that rounds onto its target shows one digit more: 0.6999 is not 0.700
    text = [fmt(v, digits + 1 if target is not None and abs(v - target) < 0.5 * 10 ** -digits and v != target
                else digits) for v in values]
    return " / ".join(f"**{t}**" if bold else t for t in text)


def verdict(ok):
    return "met" if ok else "**not met**"


def gate_section(run, commit, minutes):
    g, r = "gate-throughput", "gate-throughput-recommended"
    same = run.per_thread(g, "Baton / baseline, same configuration")
    spread = lambda bench, ratio: " / ".join(
        f"{lo:.2f}–{hi:.2f} ({mo:.3f})" for lo, hi, mo in zip(run.per_thread(bench, f"{ratio}, lowest round"),
                                                             run.per_thread(bench, f"{ratio}, highest round"),
                                                             run.per_thread(bench, f"{ratio}, ratio of the medians")))
    rec_same = run.per_thread(r, "Baton / baseline, same configuration")
    prod = run.per_thread(r, "production: Baton here / bare engine out of the box")
    ledger = run.per_thread(g, "time per campaign, ledger on / off")
    model = run.per_thread(g, "Baton's model without Baton / baseline")
    baton_model = run.per_thread(g, "Baton / Baton's model without Baton")
    rate = lambda bench, mode: run.per_thread(bench, f"{mode} completions/s")
    p50 = run.per_thread(g, "Baton completion p50")
    p99 = run.per_thread(g, "Baton completion p99")
    rest = "rest-load"
    clients = run.context(rest, "clients")
    closed = run.value(rest, "REST closed loop / in-process")
    rest_rate = run.value(rest, f"REST gate completions/s, closed loop, {clients} clients")
    in_rate = run.value(rest, f"in-process gate completions/s, {clients} threads")
    kpi = "kpi-queries"
    kpi_names = ["gates", "handoffs", "accountable", "teams", "hygiene", "outcomes", "breaches by week", "campaigns",
                 "programs", "gates of one campaign type", "handoffs of one campaign type", "accountable on one channel"]
    kpi_p50 = [run.value(kpi, f"{n}, {span}, p50") for n in kpi_names for span in ("90 days", "2 years")]
    kpi_p99 = [run.value(kpi, f"{n}, {span}, p99") for n in kpi_names for span in ("90 days", "2 years")]
    kpi_ok = all(run.passes(kpi, f"{n}, {span}, {p}") for n in kpi_names for span in ("90 days", "2 years")
                 for p in ("p50", "p99"))
    dash = [run.value(kpi, f"Cockpit dashboard, whole answer, {span}, {p}") for span in ("90 days", "2 years")
            for p in ("p50", "p99")]
    start = "startup"
    startup = run.value(start, "time to ready (health UP), extracted jar, recommended flags")
    rss = run.value(start, "idle RSS after 10 s, extracted jar, recommended flags")
    warm = [(run.value(b, n), run.value(b, "JIT compilers' CPU in the last warm-up cycle, % of one core"),
             run.passes(b, "JIT compilers' CPU in the last warm-up cycle, % of one core"))
            for b, n in ((g, "warm-up, all modes"), (r, "warm-up, all modes"), (rest, "warm-up, all closed loops"))]
    slices = run.context(g, "slicesPerRound")
    rounds = run.context(g, "rounds")
    rows = [
        ("gate completions/s, Baton / bare-process baseline, same configuration (1 / 2 / 4 threads)",
         f"{joined(same, bold=True, target=0.70)} ({joined(rate(g, 'Baton'), 0)} against {joined(rate(g, 'baseline'), 0)}/s)",
         "≥ 0.70", verdict(run.all_pass(g, "Baton / baseline, same configuration"))),
        ("… its rounds' lowest – highest ratio (and the ratio of the two modes' medians) (1 / 2 / 4 threads)",
         spread(g, "Baton / baseline, same configuration"), "–", ""),
        ("same, in the recommended-configuration run (1 / 2 / 4 threads)", joined(rec_same, bold=True, target=0.70), "≥ 0.70",
         verdict(run.all_pass(r, "Baton / baseline, same configuration"))),
        ("where the gap comes from: Baton's own model with Baton taken out / the five-task baseline, same configuration "
         "(1 / 2 / 4 threads)", joined(model), "–", ""),
        ("… and Baton / Baton's own model with Baton taken out (1 / 2 / 4 threads)", joined(baton_model), "–", ""),
        ("production: Baton on the recommended configuration / bare engine out of the box, same JVM, interleaved "
         "(1 / 2 / 4 threads)",
         f"{joined(prod, bold=True, target=0.90)} ({joined(rate(r, 'Baton'), 0)} against "
         f"{joined(rate(r, 'bare engine out of the box'), 0)}/s)", "≥ 0.90",
         verdict(run.all_pass(r, "production: Baton here / bare engine out of the box"))),
        ("… its rounds' lowest – highest ratio (and the ratio of the two modes' medians) (1 / 2 / 4 threads)",
         spread(r, "production"), "–", ""),
        ("moonshot: the same ratio ≥ 1.0", joined(prod, bold=True), "≥ 1.0",
         verdict(run.all_pass(r, "moonshot: same ratio"))),
        ("time per campaign, ledger on / off (1 / 2 / 4 threads)", joined(ledger, bold=True, target=1.10), "≤ 1.10",
         verdict(run.all_pass(g, "time per campaign, ledger on / off"))),
        ("… its rounds' lowest – highest ratio (and the ratio of the two modes' medians) (1 / 2 / 4 threads)",
         spread(g, "time per campaign, ledger on / off"), "–", ""),
        ("warm-up until the JIT was quiet: gate benchmark default / recommended configuration, REST (JIT compilers' "
         "share of a core in the last warm-up cycle)",
         ", ".join(f"{fmt(s, 0)} s ({fmt(p)} %)" for s, p, _ in warm), "≤ 5 %", verdict(all(ok for _, _, ok in warm))),
        ("Baton p50 / p99 per completion (1 / 2 / 4 threads)",
         ", ".join(f"{fmt(a)} / {fmt(b)}" for a, b in zip(p50, p99)) + " ms", "–", ""),
        (f"REST, closed loop, {clients} clients: gates/s through `/engine-rest` / the same calls in-process, authenticated "
         "(rounds' lowest – highest ratio; ratio of the medians)",
         f"**{fmt(closed, 2)}** ({fmt(rest_rate)} against {fmt(in_rate)}/s; "
         f"{fmt(run.value(rest, 'REST closed loop / in-process, lowest round'), 2)}–"
         f"{fmt(run.value(rest, 'REST closed loop / in-process, highest round'), 2)}; "
         f"{fmt(run.value(rest, 'REST closed loop / in-process, ratio of the medians'), 2)})", "≥ 0.8",
         verdict(run.passes(rest, "REST closed loop / in-process"))),
        ("REST, closed loop: Baton / bare baseline through REST", fmt(run.value(rest, "REST: Baton / baseline, closed loop"), 2),
         "–", ""),
        (f"REST, open loop at half the in-process rate ({fmt(run.value(rest, 'open loop: arrival rate (half in-process)'))}/s): "
         "call p50 / p99",
         f"{fmt(run.value(rest, 'open loop: REST call p50 (look-up, claim or complete)'))} / "
         f"**{fmt(run.value(rest, 'open loop: REST call p99'))} ms**", "p99 < 100 ms",
         verdict(run.passes(rest, "open loop: REST call p99"))),
        ("REST errors, closed and open loop",
         f"{fmt(run.value(rest, 'REST closed loop: errors'), 0)} and {fmt(run.value(rest, 'open loop: errors'), 0)}", "0",
         verdict(run.passes(rest, "REST closed loop: errors") and run.passes(rest, "open loop: errors"))),
        ("Cockpit dashboard, whole answer (every KPI it loads), default range of 90 days, p50 / p99",
         f"**{fmt(dash[0], 0)}** / {fmt(dash[1], 0)} ms", "p50 < 150 ms",
         verdict(run.passes(kpi, "Cockpit dashboard, whole answer, 90 days, p50"))),
        ("same, a range of 2 years", f"**{fmt(dash[2], 0)}** / {fmt(dash[3], 0)} ms", "p50 < 150 ms",
         verdict(run.passes(kpi, "Cockpit dashboard, whole answer, 2 years, p50"))),
        (f"KPI queries, 90 days and 2 years ({len(kpi_p50)} timings)",
         f"p50 {fmt(min(kpi_p50), 0)}–{fmt(max(kpi_p50), 0)} ms, p99 {fmt(min(kpi_p99), 0)}–{fmt(max(kpi_p99), 0)} ms",
         "p50 < 100, p99 < 300 ms", verdict(kpi_ok)),
        ("timeline of one campaign, p50", f"{fmt(run.value(kpi, 'timeline of one campaign, p50'))} ms", "< 20 ms",
         verdict(run.passes(kpi, "timeline of one campaign, p50"))),
        ("startup to health UP, H2, extracted jar, recommended flags", f"**{fmt(startup)} s**", "< 8 s",
         verdict(run.passes(start, "time to ready (health UP), extracted jar, recommended flags"))),
        ("idle RSS after 10 s, same", f"**{fmt(rss, 0)} MB**", "< 450 MB",
         verdict(run.passes(start, "idle RSS after 10 s, extracted jar, recommended flags"))),
    ]
    out = [f"**All figures in this block are from one run** of the command above ({minutes} min) on commit {commit}, "
           f"{rounds} rounds of each mode per thread count, each round {slices} slices taking turns; a ratio is the "
           f"median of the rounds' ratios.", "",
           "| measurement | result | target | |", "|---|---|---|---|"]
    out += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows]
    out += ["", per_completion_table(run), "", gate_sentences(run), "", rest_sentences(run), "", kpi_table(run),
            "", startup_sentence(run)]
    return "\n".join(out)


def per_completion_table(run):
    g, r = "gate-throughput", "gate-throughput-recommended"
    cols = [(g, "baseline", "baseline, default"), (g, "Baton's model without Baton", "Baton's model without Baton, default"),
            (g, "Baton", "Baton, default"), (r, "baseline", "baseline, recommended"), (r, "Baton", "Baton, recommended"),
            (r, "bare engine out of the box", "engine out of the box")]
    lines = ["| per completion | " + " | ".join(c[2] for c in cols) + " |", "|---" * (len(cols) + 1) + "|"]
    for label, name, digits, unit in (
            ("SQL statements, claim + complete", "SQL statements per completion, claim + complete", 1, ""),
            ("round trips, claim + complete", "round trips per completion, claim + complete", 1, ""),
            ("SQL statements, whole campaign", "SQL statements per completion, whole campaign", 1, ""),
            ("round trips, whole campaign", "round trips per completion, whole campaign", 1, ""),
            ("JVM CPU", "JVM CPU per completion", 2, " ms"),
            ("CPU of the driving threads", "CPU of the driving threads per completion", 2, " ms"),
            ("PostgreSQL CPU", "PostgreSQL CPU per completion", 2, " ms")):
        lines.append(f"| {label} | " + " | ".join(fmt(run.value(b, f"{m}: {name}"), digits) + unit for b, m, _ in cols) + " |")
    return "\n".join(lines)


def gate_sentences(run):
    g, r = "gate-throughput", "gate-throughput-recommended"
    stmts = lambda mode: run.value(g, f"{mode}: SQL statements per completion, whole campaign")
    base, model, baton = stmts("baseline"), stmts("Baton's model without Baton"), stmts("Baton")
    off = stmts("Baton, ledger off")
    jit = [run.value(r, f"{m}: JIT compilers' CPU during the timed rounds, % of one core")
           for m in ("Baton", "baseline", "bare engine out of the box")]
    wall = [1000 / run.value(r, f"{m} completions/s, 1 thread(s)") for m in ("Baton", "bare engine out of the box")]
    drive = [run.value(r, f"{m}: CPU of the driving threads per completion, 1 thread(s)") for m in ("Baton", "bare engine out of the box")]
    pg = [run.value(r, f"{m}: PostgreSQL CPU per completion, 1 thread(s)") for m in ("Baton", "bare engine out of the box")]
    return (f"Measured in this run: Baton's own lifecycle model run without Baton's code issues {fmt(model)} statements "
            f"per completion over a whole campaign, the five-task baseline {fmt(base)} and Baton {fmt(baton)} "
            f"({fmt(off)} with the ledger off): of Baton's {fmt(baton - base)} more, {fmt(model - base)} come with the model "
            f"and {fmt(baton - model)} with Baton's code. During the timed rounds of the recommended run the JIT's compiler "
            f"threads used {fmt(jit[0])} % of a core while Baton ran, {fmt(jit[1])} % for the baseline and {fmt(jit[2])} % "
            f"out of the box. At 1 thread a completion took {fmt(wall[0], 2)} ms of wall time for Baton and {fmt(wall[1], 2)} "
            f"ms out of the box; Baton's driving thread spent {fmt(drive[0], 2)} ms of CPU on it and PostgreSQL "
            f"{fmt(pg[0], 2)} ms (out of the box {fmt(drive[1], 2)} and {fmt(pg[1], 2)} ms).")


def rest_sentences(run):
    rest = "rest-load"
    cpu = lambda mode, what: run.value(rest, f"{mode}: {what} CPU per gate")
    groups = {f["measurement"].split("JVM CPU per gate, ")[1]: f["value"] for f in run.files[rest]["figures"]
              if f["measurement"].startswith("REST: JVM CPU per gate, ")}
    tomcat = sum(v for k, v in groups.items() if k.startswith("http-nio"))
    compilers = sum(v for k, v in groups.items() if "Compiler" in k)
    return (f"REST in this run, CPU per gate: in-process {fmt(cpu('in-process', 'JVM'))} ms in the JVM and "
            f"{fmt(cpu('in-process', 'PostgreSQL'))} ms in PostgreSQL, through REST {fmt(cpu('REST', 'JVM'))} and "
            f"{fmt(cpu('REST', 'PostgreSQL'))} ms; through REST Tomcat's request threads {fmt(tomcat)} ms per gate, the "
            f"JIT's compiler threads {fmt(compilers)} ms and the benchmark's clients "
            f"{fmt(groups.get('benchmark clients', 0))} ms. The open loop completed "
            f"{fmt(run.value(rest, 'open loop: gate completions/s'))} gates/s.")


def kpi_table(run):
    kpi = "kpi-queries"
    c = run.files[kpi]["context"]
    names = ["gates", "handoffs", "accountable", "teams", "hygiene", "outcomes", "breaches by week", "campaigns",
             "programs", "gates of one campaign type", "handoffs of one campaign type", "accountable on one channel"]
    lines = [f"KPI data of this run: {c['campaigns']:,} campaigns, {c['gateAttempts']:,} gate attempts and "
             f"{c['handoffs']:,} handoffs over two years, with {c['readOuts']:,} read-outs, {c['programs']:,} programs and "
             f"{c['openGateAttempts']:,} open gates, generated in PostgreSQL in {c['generationSeconds']} s; the rollup "
             f"caught up on {c['rolledUpRows']:,} ledger rows; {c['runs']} runs per query.", "",
             "| query | 90 days p50 / p99 | 2 years p50 / p99 |", "|---|---|---|"]
    for n in names:
        cells = [f"{fmt(run.value(kpi, f'{n}, {s}, p50'), 0)} / {fmt(run.value(kpi, f'{n}, {s}, p99'), 0)} ms"
                 for s in ("90 days", "2 years")]
        lines.append(f"| {n} | {cells[0]} | {cells[1]} |")
    dash = [f"**{fmt(run.value(kpi, f'Cockpit dashboard, whole answer, {s}, p50'), 0)}** / "
            f"{fmt(run.value(kpi, f'Cockpit dashboard, whole answer, {s}, p99'), 0)} ms" for s in ("90 days", "2 years")]
    lines.append(f"| **Cockpit dashboard, whole answer** | {dash[0]} | {dash[1]} |")
    return "\n".join(lines)


def startup_sentence(run):
    s = "startup"
    return (f"Startup in this run: {fmt(run.value(s, 'time to ready (health UP), extracted jar, recommended flags'))} s "
            f"for the extracted jar with the recommended flags, "
            f"{fmt(run.value(s, 'time to ready, packaged jar, flags without TieredStopAtLevel'))} s for the packaged jar "
            f"without `TieredStopAtLevel`, timed alongside; idle RSS "
            f"{fmt(run.value(s, 'idle RSS after 10 s, extracted jar, recommended flags'), 0)} MB.")


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    run = Run(sys.argv[1])
    block = gate_section(run, sys.argv[2], sys.argv[3])
    readme = Path(__file__).resolve().parent.parent / "README.md"
    text = readme.read_text()
    begin, end = "<!-- bench:begin -->", "<!-- bench:end -->"
    if begin not in text or end not in text:
        sys.exit(f"README.md has no {begin} … {end} block")
    head, rest = text.split(begin, 1)
    _, tail = rest.split(end, 1)
    readme.write_text(head + begin + "\n" + block + "\n" + end + tail)
    print(f"README.md: Performance figures from {sys.argv[1]} (commit {sys.argv[2]})")


if __name__ == "__main__":
    main()
