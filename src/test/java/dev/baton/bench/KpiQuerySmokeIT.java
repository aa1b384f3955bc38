package dev.baton.bench;

/** The KPI query benchmark at smoke size, in every mvn verify, so the harness cannot rot. */
class KpiQuerySmokeIT extends KpiQueryBenchmark {

    @Override
    long handoffs() {
        return 2_000;
    }

    @Override
    int runs() {
        return 3;
    }

    @Override
    String resultName() {
        return "kpi-queries-smoke";
    }
}
