package io.procnet.graph;

import io.procnet.model.Snapshot;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Times graph build and diff on synthetic snapshots of 10k and 100k sockets, each snapshot 20
 * connections different from the one before, against a reference in the same run: building the
 * same snapshot with a new builder, which reuses nothing. GC time is taken over the measured
 * rounds, fresh builds included. Not a test: run it with
 * {@code mvn -q -pl procnet-core test-compile exec:exec@graph-bench}; arguments, if any, are the
 * socket counts to run.
 */
public final class GraphBenchmark {
    private static final int WARMUP = 30;
    private static final int MEASURED = 30;
    private static final int CHURN = 20;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private GraphBenchmark() {
    }

    public static void main(String[] args) {
        System.out.printf("graph build + diff, %d warm-up rounds, median (p90) of %d, churn %d connections/round%n",
                WARMUP, MEASURED, CHURN);
        String[] sizes = args.length > 0 ? args : new String[] {"10000", "100000"};
        for (String size : sizes) {
            run(Integer.parseInt(size), GraphOptions.defaults().withUdp(true));
        }
    }

    private static void run(int size, GraphOptions options) {
        SyntheticLoad load = new SyntheticLoad(size, CHURN);
        TopologyBuilder builder = new TopologyBuilder(NodeClassifier.DEFAULT, options);
        Snapshot snapshot = load.next();
        long coldStart = System.nanoTime();
        Graph previous = builder.build(snapshot);
        long cold = System.nanoTime() - coldStart;
        List<Long> builds = new ArrayList<>();
        List<Long> freshBuilds = new ArrayList<>();
        List<Long> cpu = new ArrayList<>();
        long gcBefore = 0;
        List<Long> diffs = new ArrayList<>();
        int changed = 0;
        for (int round = 0; round < WARMUP + MEASURED; round++) {
            snapshot = load.next();
            if (Boolean.getBoolean("bench.gcBetweenRounds")) {
                System.gc();
            }
            if (round == WARMUP) {
                gcBefore = gcMillis();
            }
            long cpuStart = THREADS.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            Graph graph = builder.build(snapshot);
            long built = System.nanoTime();
            GraphDelta delta = GraphDiff.between(previous, graph);
            long diffed = System.nanoTime();
            long cpuEnd = THREADS.getCurrentThreadCpuTime();
            // reference: the same snapshot through a new builder, which reuses nothing
            long freshStart = System.nanoTime();
            new TopologyBuilder(NodeClassifier.DEFAULT, options).build(snapshot);
            long fresh = System.nanoTime() - freshStart;
            if (round >= WARMUP) {
                freshBuilds.add(fresh);
                cpu.add(cpuEnd - cpuStart);
                builds.add(built - start);
                diffs.add(diffed - built);
                changed += delta.addedEdges().size() + delta.updatedEdges().size() + delta.removedEdges().size();
            }
            previous = graph;
        }
        List<Long> totals = new ArrayList<>();
        for (int i = 0; i < builds.size(); i++) {
            totals.add(builds.get(i) + diffs.get(i));
        }
        System.out.printf(Locale.ROOT,
                "%,7d sockets -> %,6d nodes %,6d edges | first build %6.1f ms | build %s | diff %s | build+diff %s"
                        + " | thread CPU %s | GC %.1f ms/round | %d edge changes/round"
                        + " | reference: fresh builder %s, ratio %.2f%n",
                snapshot.sockets().size(), previous.nodes().size(), previous.edges().size(), cold / 1e6,
                stats(builds), stats(diffs), stats(totals), stats(cpu),
                (gcMillis() - gcBefore) / (double) MEASURED, changed / MEASURED, stats(freshBuilds),
                median(totals) / median(freshBuilds));
    }

    /** Collection time of all collectors so far, in milliseconds (pauses and concurrent work). */
    private static long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }

    private static double median(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2) / 1e6;
    }

    private static String stats(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        double median = median(nanos);
        double p90 = sorted.get((int) Math.ceil(sorted.size() * 0.9) - 1) / 1e6;
        return String.format(Locale.ROOT, "%6.1f ms (%6.1f)", median, p90);
    }
}
