package dev.baton.bench;

/** The REST load benchmark at smoke size (4 clients, one campaign each), in every mvn verify. */
class RestLoadSmokeIT extends RestLoadBenchmark {

    @Override
    int clients() {
        return 4;
    }

    @Override
    int campaignsPerClient() {
        return 1;
    }

    @Override
    String resultName() {
        return "rest-load-smoke";
    }
}
