package dev.baton.bench;

import java.util.List;

/** The recommended-configuration gate benchmark, with its out-of-the-box engine, at smoke size in every mvn verify. */
class GateThroughputRecommendedSmokeIT extends GateThroughputRecommendedBenchmark {

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
        return List.of(1);
    }

    @Override
    String resultName() {
        return "gate-throughput-recommended-smoke";
    }
}
