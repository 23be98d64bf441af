package io.procnet.graph;

import io.procnet.model.Snapshot;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Times graph build and diff on synthetic snapshots of 10k and 100k sockets, each snapshot 20
 * connections different from the one before, against a reference in the same run: building the
 * snapshots of the same load with a new builder each, which reuses nothing. The two are timed one
 * after the other, each after its own warm-up, so that the garbage of one does not land in the
 * other's pauses. Not a test: run it with
 * {@code mvn -q -pl procnet-core test-compile exec:exec@graph-bench}; arguments, if any, are the
 * socket counts to run.
 */
public final class GraphBenchmark {
    /** Warm-up: at least 30 rounds and 3 million sockets, so that the JIT has settled at every size. */
    private static final int WARMUP_SOCKETS = 3_000_000;
    /** Rounds measured; more with {@code -Dbench.rounds=N}, e.g. for a profiler to sample. */
    private static final int MEASURED = Integer.getInteger("bench.rounds", 30);
    private static final int CHURN = 20;
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private GraphBenchmark() {
    }

    public static void main(String[] args) {
        System.out.printf("graph build + diff, warm-up of %,d sockets, median (p90) of %d, churn %d connections/round%n",
                WARMUP_SOCKETS, MEASURED, CHURN);
        String[] sizes = args.length > 0 ? args : new String[] {"10000", "100000"};
        for (String size : sizes) {
            run(Integer.parseInt(size), GraphOptions.defaults().withUdp(true));
        }
    }

    /** Times of one phase's measured rounds. */
    private static final class Times {
        final List<Long> wall = new ArrayList<>();
        final List<Long> diff = new ArrayList<>();
        final List<Long> cpu = new ArrayList<>();
        final List<Long> allocated = new ArrayList<>();
        long gcMillis;
        int changes;
    }

    private static void run(int size, GraphOptions options) {
        int warmup = Math.max(30, WARMUP_SOCKETS / size);
        SyntheticLoad load = new SyntheticLoad(size, CHURN);
        TopologyBuilder builder = new TopologyBuilder(NodeClassifier.DEFAULT, options);
        Snapshot first = load.next();
        long coldStart = System.nanoTime();
        Graph previous = builder.build(first);
        long cold = System.nanoTime() - coldStart;

        Times incremental = new Times();
        long gcBefore = 0;
        for (int round = 0; round < warmup + MEASURED; round++) {
            Snapshot snapshot = load.next();
            if (round == warmup) {
                gcBefore = gcMillis();
            }
            long cpuStart = THREADS.getCurrentThreadCpuTime();
            long bytesStart = THREADS.getCurrentThreadAllocatedBytes();
            long start = System.nanoTime();
            Graph graph = builder.build(snapshot);
            long built = System.nanoTime();
            GraphDelta delta = GraphDiff.between(previous, graph);
            long diffed = System.nanoTime();
            if (round >= warmup) {
                incremental.cpu.add(THREADS.getCurrentThreadCpuTime() - cpuStart);
                incremental.allocated.add(THREADS.getCurrentThreadAllocatedBytes() - bytesStart);
                incremental.wall.add(diffed - start);
                incremental.diff.add(diffed - built);
                incremental.changes += delta.addedEdges().size() + delta.updatedEdges().size()
                        + delta.removedEdges().size();
            }
            previous = graph;
        }
        incremental.gcMillis = gcMillis() - gcBefore;

        // reference: the snapshots of the same load, each through a new builder, which reuses nothing
        Times fresh = new Times();
        for (int round = 0; round < warmup + MEASURED; round++) {
            Snapshot snapshot = load.next();
            if (round == warmup) {
                gcBefore = gcMillis();
            }
            long cpuStart = THREADS.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            new TopologyBuilder(NodeClassifier.DEFAULT, options).build(snapshot);
            if (round >= warmup) {
                fresh.wall.add(System.nanoTime() - start);
                fresh.cpu.add(THREADS.getCurrentThreadCpuTime() - cpuStart);
            }
        }
        fresh.gcMillis = gcMillis() - gcBefore;

        System.out.printf(Locale.ROOT,
                "%,7d sockets -> %,6d nodes %,6d edges | first build %6.1f ms | build+diff %s, diff %s, thread CPU %s,"
                        + " allocated %.0f B/socket, GC %.1f ms/round, %d edge changes/round"
                        + " | reference: fresh builder %s, thread CPU %s, GC %.1f ms/round | ratio %.2f (CPU %.2f)%n",
                first.sockets().size(), previous.nodes().size(), previous.edges().size(), cold / 1e6,
                stats(incremental.wall), stats(incremental.diff), stats(incremental.cpu),
                median(incremental.allocated) * 1e6 / first.sockets().size(), incremental.gcMillis / (double) MEASURED,
                incremental.changes / MEASURED, stats(fresh.wall), stats(fresh.cpu), fresh.gcMillis / (double) MEASURED,
                median(incremental.wall) / median(fresh.wall), median(incremental.cpu) / median(fresh.cpu));
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
        double p90 = sorted.get((int) Math.ceil(sorted.size() * 0.9) - 1) / 1e6;
        return String.format(Locale.ROOT, "%.1f ms (p90 %.1f)", median(nanos), p90);
    }
}
