package dev.baton.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of this JVM and of the PostgreSQL server processes (Linux /proc), in nanoseconds: where
 * the time of a mode goes, next to its throughput. 0 where it cannot be read.
 */
final class CpuTime {

    private static final double NANOS_PER_TICK = 1e9 / 100; // USER_HZ is 100 on Linux

    private CpuTime() {
    }

    static long jvm() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    /** The calling thread's CPU time: the commands it runs, without the JVM's compiler, GC and background threads. */
    static long currentThread() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    /**
     * CPU time of the JIT's compiler threads (C1 and C2) in nanoseconds: what compiling costs the
     * cores while a mode runs. (The JVM's own compilation time counts elapsed time, also while a
     * compiler thread waits for a core, and overstates it on two busy cores.)
     */
    static long jit() {
        return jvmByThreadGroup().entrySet().stream().filter(e -> e.getKey().contains("CompilerThre"))
                .mapToLong(java.util.Map.Entry::getValue).sum();
    }

    /** Every process named postgres (the embedded server, its backends and workers). */
    static long postgres() {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("/postgres") || c.endsWith("postgres")).orElse(false))
                .mapToLong(p -> ticks(p.pid())).sum();
    }

    /**
     * This JVM's CPU by thread group (Linux thread names without their numbers: Tomcat's request
     * threads, the benchmark's clients, GC, the JIT compilers), so a figure can say where it went.
     */
    static java.util.Map<String, Long> jvmByThreadGroup() {
        java.util.Map<String, Long> groups = new java.util.TreeMap<>();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            tasks.forEach(task -> {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long nanos = (long) ((Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * NANOS_PER_TICK);
                    groups.merge(name.replaceAll("[-#]?\\d+", "#").replaceAll("#+", "#"), nanos, Long::sum);
                } catch (Exception gone) {
                    // the thread ended meanwhile
                }
            });
        } catch (java.io.IOException unreadable) {
            return groups;
        }
        return groups;
    }

    private static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long user = Long.parseLong(fields[11]);
            long system = Long.parseLong(fields[12]);
            return (long) ((user + system) * NANOS_PER_TICK);
        } catch (Exception gone) {
            return 0;
        }
    }
}
