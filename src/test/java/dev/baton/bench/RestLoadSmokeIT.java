package dev.baton.bench;

/** The REST load benchmark at smoke size (2 clients, 1 s runs), in every mvn verify. */
class RestLoadSmokeIT extends RestLoadBenchmark {

    @Override
    int clients() {
        return 2;
    }

    @Override
    double warmupMaxSeconds() {
        return 0; // smoke: the minimum warm-up only
    }

    @Override
    double warmupSeconds() {
        return 1;
    }

    @Override
    double roundSeconds() {
        return 1;
    }

    @Override
    double sliceSeconds() {
        return 0.5; // two slices per round: the turns are part of the harness
    }

    @Override
    int rounds() {
        return 1;
    }

    @Override
    String resultName() {
        return "rest-load-smoke";
    }
}
