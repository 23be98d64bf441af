package io.procnet.server.bench;

import io.procnet.model.Snapshot;
import io.procnet.server.ProcnetServer;
import io.procnet.server.TestSnapshots;
import io.procnet.spi.CollectorOptions;
import io.procnet.spi.CollectorRegistry;
import io.procnet.spi.ConnectionCollector;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * The JVM that {@link MemoryBenchmark} measures, started with the flags under test. It prints one
 * {@code ready ...} line when it is up, then waits for a line on its input: {@code stats} prints a
 * {@code stats ...} line (heap, GC since the server started, the highest heap after a GC, VmRSS
 * now and at most), the end of input makes it exit. Modes:
 *
 * <ul>
 *   <li>{@code empty}: nothing but this wait, the reference JVM of the same flags;</li>
 *   <li>{@code idle}: a server on a loopback port, ticking every second over a small scripted
 *       graph of a dozen processes that never changes (its GC figures count from the JVM's start,
 *       the others' from the server's);</li>
 *   <li>{@code netlink <seconds>}: {@code linux-netlink} collects every second for that many
 *       seconds alone (a {@code collector ...} line says what that took), then a server ticks every
 *       second over the same collector.</li>
 * </ul>
 */
public final class BenchServerMain {
    private static final Bench.GcWatch GC = new Bench.GcWatch();
    private static final Bench.MaxSampler RSS = new Bench.MaxSampler("bench-rss", 250,
            () -> Bench.rss(ProcessHandle.current().pid()));

    private BenchServerMain() {
    }

    public static void main(String[] args) throws Exception {
        BufferedReader input = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        switch (args[0]) {
            case "empty" -> {
                System.out.println("ready " + ProcessHandle.current().pid());
                serve(input, new long[] {0, 0, 0, 0});
            }
            case "idle" -> {
                Snapshot small = smallGraph();
                try (ProcnetServer server = ProcnetServer.builder().source(() -> small).port(0).start()) {
                    System.out.println("ready " + server.address().getPort());
                    serve(input, new long[] {0, 0, 0, 0}); // GC since the JVM started
                }
            }
            case "netlink" -> {
                int seconds = Integer.parseInt(args[1]);
                try (ConnectionCollector collector = CollectorRegistry.discover().select("linux-netlink")
                        .create(CollectorOptions.defaults())) {
                    long[] gc = Bench.gc();
                    long[] fullGc = Bench.fullGc();
                    int sockets = 0;
                    for (int i = 0; i < seconds; i++) {
                        long start = System.nanoTime();
                        sockets = collector.collect().sockets().size();
                        Thread.sleep(Math.max(0, 1000 - (System.nanoTime() - start) / 1_000_000));
                    }
                    long[] after = Bench.gc();
                    long[] fullAfter = Bench.fullGc();
                    System.out.printf(Locale.ROOT, "collector sockets=%d gcCount=%d gcMillis=%d fullGcCount=%d"
                            + " fullGcMillis=%d maxHeapAfterGc=%d rss=%d maxRss=%d%n", sockets, after[0] - gc[0],
                            after[1] - gc[1], fullAfter[0] - fullGc[0], fullAfter[1] - fullGc[1], GC.maxAfterGc(),
                            Bench.rss(ProcessHandle.current().pid()), RSS.max());
                    GC.reset();
                    RSS.reset();
                    try (ProcnetServer server = ProcnetServer.builder().collector(collector).port(0)
                            .interval(Duration.ofSeconds(1)).start()) {
                        System.out.println("ready " + server.address().getPort());
                        long[] all = Bench.gc();
                        long[] full = Bench.fullGc();
                        serve(input, new long[] {all[0], all[1], full[0], full[1]});
                    }
                }
            }
            default -> throw new IllegalArgumentException("no such mode: " + args[0]);
        }
    }

    /** Answers {@code stats} until the input ends. */
    private static void serve(BufferedReader input, long[] gcAtStart) throws Exception {
        System.out.flush();
        for (String line = input.readLine(); line != null; line = input.readLine()) {
            if (line.equals("stats")) {
                long[] gc = Bench.gc();
                long[] full = Bench.fullGc();
                System.out.printf(Locale.ROOT, "stats heapUsed=%d heapCommitted=%d gcCount=%d gcMillis=%d"
                        + " fullGcCount=%d fullGcMillis=%d maxHeapAfterGc=%d maxHeapAfterFullGc=%d rss=%d maxRss=%d%n",
                        Bench.heapUsed(), ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted(),
                        gc[0] - gcAtStart[0], gc[1] - gcAtStart[1], full[0] - gcAtStart[2], full[1] - gcAtStart[3],
                        GC.maxAfterGc(), GC.maxAfterFullGc(),
                        Bench.rss(ProcessHandle.current().pid()), RSS.max());
                System.out.flush();
            }
        }
    }

    /** A dozen processes: a web server, a database, a cache, their clients and a few remote peers. */
    static Snapshot smallGraph() {
        TestSnapshots rows = new TestSnapshots()
                .process(100, "nginx", "nginx: master process /usr/sbin/nginx")
                .process(101, "postgres", "/usr/lib/postgresql/16/bin/postgres -D /var/lib/postgresql/16/main")
                .process(102, "redis-server", "/usr/bin/redis-server 127.0.0.1:6379")
                .listen(100, "0.0.0.0:80")
                .listen(100, "0.0.0.0:443")
                .listen(101, "127.0.0.1:5432")
                .listen(102, "127.0.0.1:6379");
        for (int pid = 110; pid < 119; pid++) {
            rows.process(pid, pid % 2 == 0 ? "python3" : "java", "worker --id " + pid);
            rows.est(pid, "127.0.0.1:" + (41000 + pid), "127.0.0.1:5432");
            rows.est(101, "127.0.0.1:5432", "127.0.0.1:" + (41000 + pid));
            rows.est(pid, "127.0.0.1:" + (42000 + pid), "127.0.0.1:6379");
            rows.est(102, "127.0.0.1:6379", "127.0.0.1:" + (42000 + pid));
            rows.est(pid, "192.168.1.5:" + (43000 + pid), "93.184.216." + pid + ":443");
            rows.est(100, "192.168.1.5:443", "203.0.113." + pid + ":" + (50000 + pid));
        }
        return rows.at(0);
    }
}
