package io.procnet.collect.posix.internal.live;

import io.procnet.graph.Graph;
import io.procnet.graph.GraphDiff;
import io.procnet.graph.GraphOptions;
import io.procnet.graph.NodeClassifier;
import io.procnet.graph.TopologyBuilder;
import io.procnet.model.Snapshot;
import io.procnet.spi.CollectorOptions;
import io.procnet.spi.CollectorRegistry;
import io.procnet.spi.ConnectionCollector;
import io.procnet.testkit.SocketLoad;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Times what the server does on every tick, on the real loopback load of
 * {@code shared/bench/socket_load.py} (20 servers, 100 clients, 50k connections: 100k sockets):
 * a warm {@code linux-netlink} collect, then the graph build and diff of that snapshot by a
 * builder that has seen the previous ones, with 20 connections replaced before each collect. The
 * reference, in the same run and on the same snapshots: the collect itself, and a fresh builder.
 * Needs root to see every owner. Not a test: run it from the repository root with
 * {@code mvn -q -pl procnet-collect-posix test-compile exec:exec@graph-on-load-bench}.
 */
public final class GraphOnLoadBenchmark {
    private static final int WARMUP = 30;
    private static final int RUNS = 21;

    private GraphOnLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path script = Path.of(args.length > 0 ? args[0] : "../shared/bench/socket_load.py");
        int connections = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
        try (SocketLoad load = SocketLoad.start(script, connections, "--traffic-interval", "1");
             ConnectionCollector collector = CollectorRegistry.discover().select("linux-netlink")
                     .create(CollectorOptions.defaults())) {
            GraphOptions options = GraphOptions.forThisHost().withUdp(true);
            TopologyBuilder builder = new TopologyBuilder(NodeClassifier.DEFAULT, options);
            Graph previous = Graph.empty();
            List<Double> collects = new ArrayList<>();
            List<Double> builds = new ArrayList<>();
            List<Double> fresh = new ArrayList<>();
            List<Double> buildCpu = new ArrayList<>();
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            int sockets = 0;
            for (int round = 0; round < WARMUP + RUNS; round++) {
                load.replace();
                long start = System.nanoTime();
                Snapshot snapshot = collector.collect();
                long collected = System.nanoTime();
                long cpu = threads.getCurrentThreadCpuTime();
                Graph graph = builder.build(snapshot);
                GraphDiff.between(previous, graph);
                long built = System.nanoTime();
                cpu = threads.getCurrentThreadCpuTime() - cpu;
                new TopologyBuilder(NodeClassifier.DEFAULT, options).build(snapshot);
                long freshBuilt = System.nanoTime();
                previous = graph;
                if (round >= WARMUP) {
                    collects.add((collected - start) / 1e6);
                    builds.add((built - collected) / 1e6);
                    fresh.add((freshBuilt - built) / 1e6);
                    buildCpu.add(cpu / 1e6);
                    sockets = snapshot.sockets().size();
                }
            }
            double collect = median(collects);
            double build = median(builds);
            System.out.printf(Locale.ROOT, "graph on the socket_load.py load: %,d connections, %,d sockets, %,d nodes,"
                    + " %,d edges; median of %d rounds, 20 connections replaced per round%n", connections, sockets,
                    previous.nodes().size(), previous.edges().size(), RUNS);
            System.out.printf(Locale.ROOT, "  linux-netlink warm collect (reference)   %8.1f ms%n", collect);
            System.out.printf(Locale.ROOT, "  build + diff                             %8.1f ms   %.3fx the collect,"
                    + " %.3fx a fresh build (thread CPU %.1f ms)%n", build, build / collect, build / median(fresh),
                    median(buildCpu));
            System.out.printf(Locale.ROOT, "  fresh builder, same snapshot             %8.1f ms%n", median(fresh));
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
