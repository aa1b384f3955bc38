package dev.baton.bench;

import java.util.List;

/** The gate throughput benchmark at smoke size, in every mvn verify, so the harness cannot rot. */
class GateThroughputSmokeIT extends GateThroughputBenchmark {

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
    List<Integer> threads() {
        return List.of(1, 2);
    }

    @Override
    String resultName() {
        return "gate-throughput-smoke";
    }
}
