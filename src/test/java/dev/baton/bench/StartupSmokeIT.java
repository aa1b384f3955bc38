package dev.baton.bench;

/** The startup benchmark with one start, in every mvn verify. */
class StartupSmokeIT extends StartupBenchmark {

    @Override
    int startups() {
        return 1;
    }

    @Override
    String resultName() {
        return "startup-smoke";
    }
}
