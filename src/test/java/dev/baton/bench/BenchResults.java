package dev.baton.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Benchmark figures: printed as a table and written as JSON to target/bench/NAME.json. */
final class BenchResults {

    record Figure(String measurement, double value, String unit, String target, Boolean pass) {
    }

    private final String name;
    private final Map<String, Object> context = new LinkedHashMap<>();
    private final List<Figure> figures = new ArrayList<>();

    BenchResults(String name) {
        this.name = name;
        context.put("cores", Runtime.getRuntime().availableProcessors());
        context.put("java", System.getProperty("java.version"));
    }

    Map<String, Object> context() {
        return java.util.Collections.unmodifiableMap(context);
    }

    BenchResults context(String key, Object value) {
        context.put(key, value);
        return this;
    }

    void add(String measurement, double value, String unit) {
        figures.add(new Figure(measurement, value, unit, null, null));
    }

    void add(String measurement, double value, String unit, String target, boolean pass) {
        figures.add(new Figure(measurement, value, unit, target, pass));
    }

    List<Figure> figures() {
        return figures;
    }

    Path write() throws IOException {
        StringBuilder table = new StringBuilder("\n== " + name + " " + context + "\n");
        table.append(String.format("%-58s %14s  %-8s %-16s %s%n", "measurement", "value", "unit", "target", "result"));
        for (Figure f : figures) {
            table.append(String.format(java.util.Locale.ROOT, "%-58s %14.2f  %-8s %-16s %s%n", f.measurement(), f.value(),
                    f.unit(), f.target() == null ? "" : f.target(), f.pass() == null ? "" : f.pass() ? "PASS" : "FAIL"));
        }
        System.out.println(table);
        Path dir = Path.of("target", "bench");
        Files.createDirectories(dir);
        Path file = dir.resolve(name + ".json");
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("benchmark", name);
        json.put("context", context);
        json.put("figures", figures);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json);
        return file;
    }

    static double median(double... values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** Within a round the modes take turns in slices of about this length: {@code -Dbench.sliceSeconds} (2). */
    static double sliceSeconds() {
        return Double.parseDouble(System.getProperty("bench.sliceSeconds", "2"));
    }

    static int slicesPerRound(double roundSeconds, double sliceSeconds) {
        return Math.max(1, (int) Math.round(roundSeconds / sliceSeconds));
    }

    /** Round by round, one mode's rate over another's: slices that ran side by side, so a busy machine slows both. */
    static double[] roundRatios(double[] numerator, double[] denominator) {
        double[] byRound = new double[numerator.length];
        for (int r = 0; r < byRound.length; r++) {
            byRound[r] = numerator[r] / denominator[r];
        }
        return byRound;
    }

    /**
     * The median of the rounds' ratios: the estimate a paired design calls for. The ratio of the two
     * modes' medians may set one mode's quiet round against the other's busy one.
     */
    static double pairedRatio(double[] numerator, double[] denominator) {
        return median(roundRatios(numerator, denominator));
    }

    /** Nearest-rank percentile of latencies in nanoseconds, in milliseconds. */
    static double percentileMillis(List<Long> nanos, double p) {
        if (nanos.isEmpty()) {
            return Double.NaN;
        }
        List<Long> sorted = new ArrayList<>(nanos);
        sorted.sort(null);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1)) / 1e6;
    }
}
