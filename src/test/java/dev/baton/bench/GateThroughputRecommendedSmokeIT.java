package dev.baton.bench;

import java.util.List;

/** The recommended-configuration gate benchmark at smoke size, in every mvn verify. */
class GateThroughputRecommendedSmokeIT extends GateThroughputRecommendedBenchmark {

    @Override
    int campaignsPerThread() {
        return 2;
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
