package dev.baton.bench;

/** The ledger overhead benchmark at smoke size, in every mvn verify. */
class LedgerOverheadSmokeIT extends LedgerOverheadBenchmark {

    @Override
    int campaignsPerThread() {
        return 2;
    }

    @Override
    int rounds() {
        return 1;
    }

    @Override
    String resultName() {
        return "ledger-overhead-smoke";
    }
}
