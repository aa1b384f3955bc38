package dev.baton.bench;

/**
 * A warm-up that lasts until the JIT is quiet: cycles of every mode run for at least the
 * configured time, then go on while the compiler threads used more than
 * {@code -Dbench.jitQuietPercent} (5) percent of a core in the last cycle, up to
 * {@code -Dbench.warmupMaxSeconds} (300) in all. On two cores C2 compiles Camunda's, Spring's
 * and Jersey's code for minutes; timing a mode while its code is still being compiled measures the
 * compiler, and the mode with the most code pays most.
 */
final class JitWarmUp {

    /** One slice of every mode. */
    interface Cycle {
        void run() throws Exception;
    }

    /** How long the warm-up ran and how busy the compilers were in its last cycle (percent of one core). */
    record Result(double seconds, double lastCyclePercent, boolean quiet) {
    }

    private JitWarmUp() {
    }

    static double quietPercent() {
        return Double.parseDouble(System.getProperty("bench.jitQuietPercent", "5"));
    }

    /** The cap on the whole warm-up: {@code -Dbench.warmupMaxSeconds} (300). */
    static double maximumSeconds() {
        return Double.parseDouble(System.getProperty("bench.warmupMaxSeconds", "300"));
    }

    /** Cycles for at least {@code minimumSeconds}, then until the JIT is quiet or {@code maximumSeconds} have passed. */
    static Result run(double minimumSeconds, double maximumSeconds, Cycle cycle) throws Exception {
        long start = System.nanoTime();
        double seconds;
        double percent;
        do {
            long wallBefore = System.nanoTime();
            long jitBefore = CpuTime.jit();
            cycle.run();
            percent = percentOfOneCore(CpuTime.jit() - jitBefore, System.nanoTime() - wallBefore);
            seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("[bench] warm-up %.0f s, JIT compilers %.1f %% of a core in the last cycle%n", seconds, percent);
        } while (seconds < minimumSeconds || (percent > quietPercent() && seconds < Math.max(minimumSeconds, maximumSeconds)));
        return new Result(seconds, percent, percent <= quietPercent());
    }

    static double percentOfOneCore(long cpuNanos, long wallNanos) {
        return 100.0 * cpuNanos / Math.max(1, wallNanos);
    }
}
