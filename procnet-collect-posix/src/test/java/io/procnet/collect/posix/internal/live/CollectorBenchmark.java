package io.procnet.collect.posix.internal.live;

import io.procnet.model.Snapshot;
import io.procnet.spi.CollectorOptions;
import io.procnet.spi.CollectorProvider;
import io.procnet.spi.CollectorRegistry;
import io.procnet.spi.ConnectionCollector;
import io.procnet.testkit.SocketLoad;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Times the Linux collectors against {@code ss -tanp} in one run, on a loopback load made by
 * {@code shared/bench/socket_load.py}: 20 servers and 100 clients (121 processes) holding 10k and
 * then 50k established connections. Needs root to see every owner. Not a test: run it from the
 * repository root with
 * {@code mvn -q -pl procnet-collect-posix test-compile exec:exec@collector-bench}.
 *
 * <p>Per load, after 30 untimed collects per Linux collector to warm up the JIT, it reports the
 * median of {@value #RUNS} timed collects (after 3 more where the case is warm) of:
 * {@code ss -tanp} as a process; {@code linux-netlink} cold (a fresh collector each time), warm
 * with nothing new, warm with 20 connections opened since the previous collect, and warm with 20
 * connections closed and 20 opened (fd numbers reused);
 * {@code linux-procfs} cold and warm; {@code oshi}; and checks that a JVM with {@code -Xmx64m}
 * collects the load with {@code linux-netlink}.
 */
public final class CollectorBenchmark {
    private static final int RUNS = 11;
    /** Collects per Linux collector before anything is timed: C2 needs this many to compile the decoders. */
    private static final int JIT_WARMUP = 30;

    private CollectorBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--small-heap-check")) {
            smallHeapCheck();
            return;
        }
        Path load = Path.of(args.length > 0 ? args[0] : "../shared/bench/socket_load.py");
        int[] sizes = args.length > 1 ? parseSizes(args[1]) : new int[] {10_000, 50_000};
        System.out.printf("collector benchmark: median of %d collects; load: %s, 20 servers, 100 clients%n",
                RUNS, load);
        for (int connections : sizes) {
            run(load, connections);
        }
    }

    private static void run(Path loadScript, int connections) throws Exception {
        try (SocketLoad load = SocketLoad.start(loadScript, connections)) {
            CollectorRegistry registry = CollectorRegistry.discover();
            CollectorOptions options = CollectorOptions.defaults();
            // JIT warm-up, so that "cold" means a fresh collector, not a fresh JVM
            for (String id : List.of("linux-netlink", "linux-procfs")) {
                try (ConnectionCollector collector = registry.select(id).create(options)) {
                    for (int i = 0; i < JIT_WARMUP; i++) {
                        collector.collect();
                    }
                }
            }

            double ss = median(RUNS, () -> runSs());
            double netlinkCold = median(RUNS, () -> fresh(registry, "linux-netlink", options));
            Measure netlinkWarm = warm(registry, "linux-netlink", options, null);
            Measure netlinkNew = warm(registry, "linux-netlink", options, load::open);
            Measure netlinkChurn = warm(registry, "linux-netlink", options, load::replace);
            double procfsCold = median(RUNS, () -> fresh(registry, "linux-procfs", options));
            Measure procfsWarm = warm(registry, "linux-procfs", options, null);
            Measure oshi = warm(registry, "oshi", options, null);
            String smallHeap = smallHeapRun();

            System.out.printf(Locale.ROOT, "%n%,d connections, %,d sockets in the netlink snapshot%n", connections,
                    netlinkWarm.sockets);
            row("ss -tanp (reference)", ss, ss);
            row("linux-netlink cold", netlinkCold, ss);
            row("linux-netlink warm, nothing new", netlinkWarm.median, ss);
            row("linux-netlink warm, 20 new connections", netlinkNew.median, ss);
            row("linux-netlink warm, 20 connections replaced", netlinkChurn.median, ss);
            row("linux-procfs cold", procfsCold, ss);
            row("linux-procfs warm", procfsWarm.median, ss);
            row("oshi", oshi.median, ss);
            System.out.println("  linux-netlink in a JVM with -Xmx64m: " + smallHeap);
        }
    }

    /** A change of the load between two collects. */
    @FunctionalInterface
    interface Change {
        void apply() throws IOException;
    }

    private static void row(String what, double millis, double reference) {
        System.out.printf(Locale.ROOT, "  %-44s %9.1f ms   %6.3fx ss%n", what, millis, millis / reference);
    }

    private record Measure(double median, int sockets) {
    }

    /**
     * One collector, warmed up, then {@value #RUNS} timed collects; with a change, it is applied
     * before each one (20 connections opened, or 20 closed and 20 opened, which reuses fd numbers).
     */
    private static Measure warm(CollectorRegistry registry, String id, CollectorOptions options, Change change)
            throws Exception {
        try (ConnectionCollector collector = registry.select(id).create(options)) {
            for (int i = 0; i < 3; i++) {
                collector.collect();
            }
            List<Double> times = new ArrayList<>();
            int sockets = 0;
            for (int i = 0; i < RUNS; i++) {
                if (change != null) {
                    change.apply();
                }
                long start = System.nanoTime();
                Snapshot snapshot = collector.collect();
                times.add((System.nanoTime() - start) / 1e6);
                sockets = snapshot.sockets().size();
            }
            return new Measure(median(times), sockets);
        }
    }

    private static double fresh(CollectorRegistry registry, String id, CollectorOptions options) throws Exception {
        CollectorProvider provider = registry.select(id);
        long start = System.nanoTime();
        try (ConnectionCollector collector = provider.create(options)) {
            collector.collect();
        }
        return (System.nanoTime() - start) / 1e6;
    }

    private static double runSs() throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process ss = new ProcessBuilder("ss", "-tanp").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        ss.getInputStream().readAllBytes();
        ss.waitFor();
        return (System.nanoTime() - start) / 1e6;
    }

    /** Runs {@code --small-heap-check} in a child JVM with -Xmx64m. */
    private static String smallHeapRun() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                CollectorBenchmark.class.getName(), "--small-heap-check").redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        return child.waitFor() == 0 ? output : "FAILED (exit " + child.exitValue() + "): " + output;
    }

    private static void smallHeapCheck() throws Exception {
        Runtime runtime = Runtime.getRuntime();
        try (ConnectionCollector collector = CollectorRegistry.discover().select("linux-netlink")
                .create(CollectorOptions.defaults())) {
            long worst = 0;
            int sockets = 0;
            for (int i = 0; i < 10; i++) {
                Snapshot snapshot = collector.collect();
                sockets = snapshot.sockets().size();
                System.gc();
                worst = Math.max(worst, runtime.totalMemory() - runtime.freeMemory());
            }
            System.out.printf(Locale.ROOT, "ok, 10 collects of %,d sockets, live heap after GC at most %.1f MiB"
                    + " (max heap %.0f MiB)", sockets, worst / 1048576.0, runtime.maxMemory() / 1048576.0);
        }
    }

    @FunctionalInterface
    private interface Timed {
        double run() throws Exception;
    }

    private static double median(int runs, Timed timed) throws Exception {
        timed.run(); // warm-up: the first one also pays class loading
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            times.add(timed.run());
        }
        return median(times);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static int[] parseSizes(String text) {
        String[] parts = text.split(",");
        int[] sizes = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            sizes[i] = Integer.parseInt(parts[i].strip());
        }
        return sizes;
    }
}
