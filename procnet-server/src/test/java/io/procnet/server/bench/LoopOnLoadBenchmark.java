package io.procnet.server.bench;

import io.procnet.graph.Graph;
import io.procnet.graph.GraphDelta;
import io.procnet.graph.GraphDiff;
import io.procnet.graph.GraphOptions;
import io.procnet.graph.NodeClassifier;
import io.procnet.graph.TopologyBuilder;
import io.procnet.model.Snapshot;
import io.procnet.server.internal.http.ThisHost;
import io.procnet.server.internal.loop.GraphPublisher;
import io.procnet.server.internal.loop.Published;
import io.procnet.server.internal.wire.Json;
import io.procnet.server.internal.wire.Wire;
import io.procnet.server.internal.wire.WireGraph;
import io.procnet.server.internal.wire.WireHost;
import io.procnet.spi.CollectorOptions;
import io.procnet.spi.CollectorRegistry;
import io.procnet.spi.ConnectionCollector;
import io.procnet.testkit.SocketLoad;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What the server's loop adds to the collection, on the real loopback load of
 * {@code shared/bench/socket_load.py} (20 servers, 100 clients, 10k and then 50k connections,
 * traffic on every connection every second) with the real {@code linux-netlink} collector: per
 * tick, the collect alone (the reference) and the collect followed by
 * {@link GraphPublisher#collected} (classify, build, rates on the scale, diff, the wire records,
 * and the JSON of the delta and of the whole graph), as the loop does it. The two alternate in
 * one run, 550 ms apart, with 20 connections replaced before each collect; the publisher sees one
 * snapshot every 1.1 s, about the default interval. After {@value #WARMUP} warm-up rounds it
 * prints medians over {@value #RUNS}: the loop's cost as a share of the collect (target: at most
 * 25%), the delta's size (and gzipped, as the hub makes it once for the gzip clients), and where
 * the loop's time goes: the diff, the delta's JSON and the whole graph's JSON are done again after
 * the tick on the same graphs and timed apart, the build (with rates) is what remains. Needs root
 * to see every owner. Not a test: run it from the repository root with
 *
 * <pre>{@code
 * mvn -q -o -pl procnet-server -am test-compile -Dbench=loop-on-load-bench
 * }</pre>
 */
public final class LoopOnLoadBenchmark {
    private static final int WARMUP = 30;
    private static final int RUNS = 21;
    /**
     * The time from one collect to the next. Not half of the load's 1 s traffic period: the
     * clients' sends come in a burst once a second, and at 500 ms one kind of collect would always
     * meet the burst and the other never (at 50k the burst slowed the one it met by 1.8x). At
     * 550 ms both kinds drift through every phase of the burst alike.
     */
    private static final long HALF_TICK_NANOS = 550_000_000L;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private LoopOnLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path script = Path.of(args.length > 0 ? args[0] : "../shared/bench/socket_load.py");
        List<String> rows = new ArrayList<>();
        int[] loads = args.length > 1 ? Arrays.stream(args[1].split(",")).mapToInt(Integer::parseInt).toArray()
                : new int[] {10_000, 50_000};
        for (int connections : loads) {
            rows.addAll(measure(script, connections));
        }
        System.out.println();
        rows.forEach(System.out::println);
    }

    private static List<String> measure(Path script, int connections) throws Exception {
        try (SocketLoad load = SocketLoad.start(script, connections, "--traffic-interval", "1");
             ConnectionCollector collector = CollectorRegistry.discover().select("linux-netlink")
                     .create(CollectorOptions.defaults())) {
            // as ProcnetServer.Builder#start makes it
            GraphOptions options = GraphOptions.forThisHost().withFoldGroups(false);
            WireHost host = ThisHost.describe();
            GraphPublisher publisher = new GraphPublisher(new TopologyBuilder(NodeClassifier.DEFAULT, options), host,
                    System.currentTimeMillis());
            List<Double> alone = new ArrayList<>();
            List<Double> collects = new ArrayList<>();
            List<Double> loops = new ArrayList<>();
            List<Double> loopCpu = new ArrayList<>();
            List<Double> shares = new ArrayList<>();
            List<Double> gzips = new ArrayList<>();
            List<Double> diffs = new ArrayList<>();
            List<Double> deltaJson = new ArrayList<>();
            List<Double> graphJson = new ArrayList<>();
            List<Double> deltaBytes = new ArrayList<>();
            List<Double> deltaGzipped = new ArrayList<>();
            List<Double> edgesChanged = new ArrayList<>();
            int sockets = 0;
            int graphBytes = 0;
            long[] gcBefore = null;
            long next = System.nanoTime();
            for (int round = 0; round < WARMUP + RUNS; round++) {
                if (round == WARMUP) {
                    gcBefore = Bench.gc();
                }
                next = waitUntil(next);
                load.replace();
                long start = System.nanoTime();
                collector.collect();
                alone.add((System.nanoTime() - start) / 1e6);

                next = waitUntil(next);
                load.replace();
                Published before = publisher.current();
                start = System.nanoTime();
                Snapshot snapshot = collector.collect();
                long collected = System.nanoTime();
                long cpu = THREADS.getCurrentThreadCpuTime();
                GraphPublisher.Change change = publisher.collected(snapshot, List.of());
                long published = System.nanoTime();
                cpu = THREADS.getCurrentThreadCpuTime() - cpu;
                byte[] gzipped = change == null ? new byte[0] : change.delta().gzipped();
                long zipped = System.nanoTime();

                // the same work again, timed apart, on the same graphs
                Graph after = publisher.current().graph();
                long t0 = System.nanoTime();
                GraphDelta delta = GraphDiff.between(before.graph(), after);
                long t1 = System.nanoTime();
                Json.bytes(Wire.delta(delta, after.takenAt(), after.collectorId(), false, after.issues()));
                long t2 = System.nanoTime();
                byte[] whole = Json.bytes(new WireGraph(after.version(), Wire.time(after.takenAt()),
                        after.collectorId(), host, false, Wire.nodes(after.nodes()), Wire.edges(after.edges()),
                        Wire.issues(after.issues())));
                long t3 = System.nanoTime();

                if (round >= WARMUP) {
                    double collect = (collected - start) / 1e6;
                    double loop = (published - collected) / 1e6;
                    collects.add(collect);
                    loops.add(loop);
                    loopCpu.add(cpu / 1e6);
                    shares.add(loop / collect);
                    gzips.add((zipped - published) / 1e6);
                    diffs.add((t1 - t0) / 1e6);
                    deltaJson.add((t2 - t1) / 1e6);
                    graphJson.add((t3 - t2) / 1e6);
                    deltaBytes.add((double) (change == null ? 0 : change.delta().bytes().length));
                    deltaGzipped.add((double) gzipped.length);
                    edgesChanged.add((double) (delta.addedEdges().size() + delta.updatedEdges().size()
                            + delta.removedEdges().size()));
                    sockets = snapshot.sockets().size();
                    graphBytes = whole.length;
                }
            }
            long[] gc = Bench.gc();
            Graph graph = publisher.current().graph();
            double reference = Bench.median(alone.subList(WARMUP, alone.size()));
            double loop = Bench.median(loops);
            double diff = Bench.median(diffs);
            double deltaWrite = Bench.median(deltaJson);
            double graphWrite = Bench.median(graphJson);
            List<String> rows = new ArrayList<>();
            rows.add(String.format(Locale.ROOT, "socket_load.py %,d connections, traffic every 1 s: %,d sockets,"
                    + " %,d nodes, %,d edges; medians of %d ticks after %d, 20 connections replaced before each"
                    + " collect; GC in the measured rounds: %d collections, %d ms", connections, sockets,
                    graph.nodes().size(), graph.edges().size(), RUNS, WARMUP, gc[0] - gcBefore[0], gc[1] - gcBefore[1]));
            rows.add("| | median | / collect alone |");
            rows.add("|---|---|---|");
            rows.add(row("linux-netlink collect alone (reference)", reference, reference));
            rows.add(row("collect, in the tick", Bench.median(collects), reference));
            rows.add(row("GraphPublisher.collected, in the tick", loop, reference)
                    + String.format(Locale.ROOT, " median per tick of loop / its collect %.1f%%; thread CPU %.1f ms",
                    100 * Bench.median(shares), Bench.median(loopCpu)));
            rows.add(row("  of which the whole graph's JSON (%,d bytes)".formatted(graphBytes), graphWrite, reference));
            rows.add(row("  of which the diff", diff, reference));
            rows.add(row("  of which the delta's JSON", deltaWrite, reference));
            rows.add(row("  the rest: classify, build, rates, Published", Math.max(0, loop - graphWrite - diff
                    - deltaWrite), reference));
            rows.add(row("gzip of the delta, once per tick for all gzip clients", Bench.median(gzips), reference));
            List<Double> changed = new ArrayList<>();
            List<Double> changedGzipped = new ArrayList<>();
            for (int i = 0; i < deltaBytes.size(); i++) {
                if (deltaBytes.get(i) > 0) {
                    changed.add(deltaBytes.get(i));
                    changedGzipped.add(deltaGzipped.get(i));
                }
            }
            rows.add(String.format(Locale.ROOT, "delta per tick, median of all %d: %,.0f bytes (%,.0f gzipped), %,.0f"
                    + " edges changed; %d ticks had a delta (a tick where nothing changed sends none), median"
                    + " of those %,.0f bytes (%,.0f gzipped)", RUNS, Bench.median(deltaBytes),
                    Bench.median(deltaGzipped), Bench.median(edgesChanged), changed.size(),
                    changed.isEmpty() ? 0 : Bench.median(changed), changed.isEmpty() ? 0 : Bench.median(changedGzipped)));
            rows.add(String.format(Locale.ROOT, "the loop adds %.1f%% to the collection (target <= 25%%)",
                    100 * loop / reference));
            rows.add("");
            System.out.println(String.join("\n", rows));
            return rows;
        }
    }

    private static String row(String name, double millis, double reference) {
        return String.format(Locale.ROOT, "| %s | %.1f ms | %.3fx |", name, millis, millis / reference);
    }

    /** Sleeps until {@code deadline}, or not at all when it has passed; the next deadline half a tick on. */
    private static long waitUntil(long deadline) throws InterruptedException {
        long wait = deadline - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
        return Math.max(deadline, System.nanoTime()) + HALF_TICK_NANOS;
    }
}
