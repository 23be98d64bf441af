package io.procnet.server.bench;

import io.procnet.model.Snapshot;
import io.procnet.server.ProcnetServer;
import io.procnet.server.RawHttp;
import io.procnet.server.ScriptedSource;
import io.procnet.server.internal.sse.SseEvent;
import io.procnet.server.internal.wire.Json;
import io.procnet.server.internal.wire.WireDelta;
import io.procnet.server.internal.wire.WireGraph;
import io.procnet.server.internal.wire.WireHealth;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The server under many event streams: a real server on loopback ticking every 200 ms over a
 * {@link BusyHost} (about 10.7k sockets, 5,000 edges, a few hundred of them changed, added or
 * removed on every tick), first with one gzip client for {@value #REFERENCE_SECONDS} s (the
 * reference), then with {@value #CLIENTS} for {@value #LOAD_SECONDS} s; then the host stops
 * changing and every client must reach the last version. The clients are raw sockets in this JVM,
 * one small reader thread each ({@link EventStream}), whose CPU is kept apart: the server's CPU
 * is that of its own threads, {@code procnet-loop} and Undertow's {@code XNIO-*}, read by name
 * (the scripted source's own CPU, which stands in for a collector, is taken out of the loop's).
 *
 * <p>It prints, for the reference and the load: the server's CPU per tick (loop, I/O), the
 * process's CPU for context, GC, heap (highest seen; after a full GC at the end), the lag from the
 * moment the script handed over a tick's snapshot to each client's receipt of its delta (p50, p99,
 * max), the delta size per tick and the deltas that every client missed or got out of order (must
 * be 0: the run fails otherwise). Bounded: about 90 s, loopback only, and it stops by itself. Not a test: run it as
 *
 * <pre>{@code
 * mvn -q -o -pl procnet-server -am test-compile org.codehaus.mojo:exec-maven-plugin:exec@sse-load-bench -Dexec.skip
 * }</pre>
 *
 * from the repository root.
 */
public final class SseLoadBenchmark {
    static final int CLIENTS = 200;
    static final int WARMUP_SECONDS = 8;
    static final int REFERENCE_SECONDS = 10;
    static final int LOAD_SECONDS = 60;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private SseLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BusyHost host = new BusyHost(42);
        AtomicLongArray handedOver = new AtomicLongArray(1 << 14);
        AtomicLong scriptCpu = new AtomicLong();
        AtomicLong sockets = new AtomicLong();
        ScriptedSource source = new ScriptedSource(tick -> {
            long cpu = THREADS.getCurrentThreadCpuTime();
            Snapshot snapshot = host.next();
            sockets.set(snapshot.sockets().size());
            scriptCpu.addAndGet(THREADS.getCurrentThreadCpuTime() - cpu);
            handedOver.set(tick, System.nanoTime());
            return snapshot;
        });
        ConcurrentLinkedQueue<long[]> deltaShapes = new ConcurrentLinkedQueue<>();
        try (ProcnetServer server = ProcnetServer.builder().source(source).port(0)
                .interval(Duration.ofMillis(BusyHost.TICK_MILLIS)).start();
             Bench.MaxSampler heap = Bench.MaxSampler.heap()) {
            Bench.GcWatch gcWatch = new Bench.GcWatch();
            InetSocketAddress address = server.address();
            WireGraph first = Json.read(RawHttp.get(address, "/api/graph").body(), WireGraph.class);
            int graphBytes = Json.bytes(first).length;
            System.out.printf(Locale.ROOT, "SSE load: a server on %s, a tick every %d ms, a scripted busy host of %,d"
                    + " sockets, %,d nodes, %,d edges (the whole graph %,d bytes of JSON)%n", address,
                    BusyHost.TICK_MILLIS, sockets.get(),
                    first.nodes().size(), first.edges().size(), graphBytes);

            List<EventStream> streams = new ArrayList<>();
            // the reference client also reads each delta whole: its shape, and its size gzipped
            streams.add(EventStream.open(address, true, (version, data) -> {
                WireDelta delta = Json.read(data, WireDelta.class);
                long tick = (Instant.parse(delta.takenAt()).toEpochMilli() - BusyHost.T0.toEpochMilli())
                        / BusyHost.TICK_MILLIS;
                deltaShapes.add(new long[] {tick, data.length,
                    SseEvent.of("delta", version, data).gzipped().length,
                    delta.addedEdges().size(), delta.updatedEdges().size(), delta.removedEdges().size(),
                    delta.addedNodes().size() + delta.updatedNodes().size() + delta.removedNodes().size()});
            }));
            Thread.sleep(WARMUP_SECONDS * 1000L);

            gcWatch.reset();
            Phase reference = Phase.start(source, scriptCpu, heap);
            Thread.sleep(REFERENCE_SECONDS * 1000L);
            reference.end(source, scriptCpu, heap);
            long referenceAfterGc = gcWatch.maxAfterGc();

            long connecting = System.nanoTime();
            for (int i = 1; i < CLIENTS; i++) {
                streams.add(EventStream.open(address, true, null));
            }
            long connected = System.nanoTime();
            while (server.clients() < CLIENTS && System.nanoTime() - connected < 10_000_000_000L) {
                Thread.sleep(20);
            }
            System.out.printf(Locale.ROOT, "%d more clients connected in %.0f ms; %d streams open%n", CLIENTS - 1,
                    (connected - connecting) / 1e6, server.clients());
            Thread.sleep(2000); // every client has had its whole graph

            gcWatch.reset();
            Phase load = Phase.start(source, scriptCpu, heap);
            Thread.sleep(LOAD_SECONDS * 1000L);
            load.end(source, scriptCpu, heap);
            long loadAfterGc = gcWatch.maxAfterGc();

            host.freeze();
            long finalVersion = settle(address);
            long waitUntil = System.nanoTime() + 15_000_000_000L;
            while (System.nanoTime() < waitUntil && streams.stream().anyMatch(s -> s.version() < finalVersion
                    && !s.ended())) {
                Thread.sleep(50);
            }
            WireHealth health = Json.read(RawHttp.get(address, "/api/health").body(), WireHealth.class);
            long heapAfterGc = Bench.heapAfterGc();
            for (EventStream stream : streams) {
                stream.close();
            }

            long mismatches = 0;
            long missing = 0;
            long ended = 0;
            for (EventStream stream : streams) {
                mismatches += stream.mismatches();
                missing += finalVersion - stream.version();
                ended += stream.ended() && stream.failure() != null ? 1 : 0;
            }
            System.out.printf(Locale.ROOT, "%nevery client reached version %d: out-of-order or gapped deltas %d,"
                    + " deltas missing at the end %d, streams that broke %d, clients cut off by the server %d%n",
                    finalVersion, mismatches, missing, ended, health.clientsDropped());

            double[] refLag = lags(streams.subList(0, 1), handedOver, reference);
            double[] loadLag = lags(streams, handedOver, load);
            List<long[]> inLoad = new ArrayList<>();
            for (long[] shape : deltaShapes) {
                if (shape[0] >= load.firstTick && shape[0] < load.firstTick + load.ticks) {
                    inLoad.add(shape);
                }
            }
            System.out.printf(Locale.ROOT, "%n| %-44s | %22s | %22s | %8s |%n", "", "1 client (reference)",
                    CLIENTS + " clients", "ratio");
            System.out.println("|---|---|---|---|");
            row("ticks measured", reference.ticks, load.ticks, "%,.0f");
            row("tick interval achieved, ms", reference.wallMillis() / reference.ticks,
                    load.wallMillis() / load.ticks, "%.1f");
            row("server CPU per tick, ms (loop + XNIO)", reference.serverCpuPerTick(), load.serverCpuPerTick(), "%.2f");
            row("  procnet-loop, ms (script taken out)", reference.loopCpuPerTick(), load.loopCpuPerTick(), "%.2f");
            row("  XNIO-* threads, ms", reference.ioCpuPerTick(), load.ioCpuPerTick(), "%.2f");
            row("  the script (stands in for a collector), ms", reference.scriptCpuPerTick(), load.scriptCpuPerTick(),
                    "%.2f");
            row("process CPU per tick, ms (clients included)", reference.processCpuPerTick(), load.processCpuPerTick(),
                    "%.2f");
            row("GC collections / time, ms", reference.gcCount + " / " + reference.gcMillis,
                    load.gcCount + " / " + load.gcMillis);
            row("heap used, highest seen, MiB", Bench.mib(reference.maxHeap), Bench.mib(load.maxHeap), "%.1f");
            row("heap used after a GC, highest, MiB", Bench.mib(referenceAfterGc), Bench.mib(loadAfterGc), "%.1f");
            row("lag p50, ms", Bench.percentile(refLag, 50), Bench.percentile(loadLag, 50), "%.1f");
            row("lag p99, ms", Bench.percentile(refLag, 99), Bench.percentile(loadLag, 99), "%.1f");
            row("lag max, ms", Bench.percentile(refLag, 100), Bench.percentile(loadLag, 100), "%.1f");
            row("lag samples", refLag.length, loadLag.length, "%,.0f");
            System.out.printf(Locale.ROOT, "%nheap used after a full GC at the end (server and %d clients): %.1f MiB%n",
                    CLIENTS, Bench.mib(heapAfterGc));
            System.out.printf(Locale.ROOT, "per delta of the load phase, median of %d: %,.0f bytes of JSON,"
                    + " %,.0f gzipped; edges added %,.0f, updated %,.0f, removed %,.0f; nodes changed %,.0f%n",
                    inLoad.size(), median(inLoad, 1), median(inLoad, 2), median(inLoad, 3), median(inLoad, 4),
                    median(inLoad, 5), median(inLoad, 6));
            if (mismatches + missing + ended + health.clientsDropped() > 0) {
                System.out.println("FAILED: some client missed deltas or got them out of order");
                System.exit(1);
            }
        }
    }

    private static double median(List<long[]> shapes, int column) {
        return Bench.median(shapes.stream().mapToDouble(shape -> shape[column]).toArray());
    }

    private static void row(String name, double reference, double load, String format) {
        System.out.printf(Locale.ROOT, "| %-44s | %22s | %22s | %8s |%n", name, String.format(Locale.ROOT, format,
                reference), String.format(Locale.ROOT, format, load), reference == 0 ? "-"
                : String.format(Locale.ROOT, "%.2fx", load / reference));
    }

    private static void row(String name, String reference, String load) {
        System.out.printf(Locale.ROOT, "| %-44s | %22s | %22s | %8s |%n", name, reference, load, "");
    }

    /** The lags, in ms, of every delta of a tick in the phase that these streams received. */
    private static double[] lags(List<EventStream> streams, AtomicLongArray handedOver, Phase phase) {
        List<Double> lags = new ArrayList<>();
        for (EventStream stream : streams) {
            for (int i = 0; i < stream.deltas(); i++) {
                long tick = stream.tick(i);
                if (tick >= phase.firstTick && tick < phase.firstTick + phase.ticks) {
                    lags.add((stream.received(i) - handedOver.get((int) tick)) / 1e6);
                }
            }
        }
        return lags.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Waits until the version stays the same over a second (five ticks), and returns it. */
    private static long settle(InetSocketAddress address) throws IOException, InterruptedException {
        long version = -1;
        long since = System.nanoTime();
        long deadline = since + 15_000_000_000L;
        while (System.nanoTime() < deadline) {
            long now = Json.read(RawHttp.get(address, "/api/health").body(), WireHealth.class).version();
            if (now != version) {
                version = now;
                since = System.nanoTime();
            } else if (System.nanoTime() - since > 1_100_000_000L) {
                return version;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the graph did not settle after the host froze: version " + version);
    }

    /** The readings at the start and end of one phase. */
    private static final class Phase {
        long firstTick;
        long ticks;
        long wallNanos;
        long loopCpu;
        long ioCpu;
        long scriptCpu;
        long processCpu;
        long gcCount;
        long gcMillis;
        long maxHeap;
        private Map<Long, Long> loopStart;
        private Map<Long, Long> ioStart;

        static Phase start(ScriptedSource source, AtomicLong script, Bench.MaxSampler heap) {
            Phase phase = new Phase();
            heap.reset();
            phase.firstTick = source.ticks();
            phase.wallNanos = System.nanoTime();
            phase.loopStart = Bench.cpuByThread("procnet-loop"::equals);
            phase.ioStart = Bench.cpuByThread(name -> name.startsWith("XNIO-"));
            phase.scriptCpu = script.get();
            phase.processCpu = Bench.processCpu();
            long[] gc = Bench.gc();
            phase.gcCount = gc[0];
            phase.gcMillis = gc[1];
            return phase;
        }

        void end(ScriptedSource source, AtomicLong script, Bench.MaxSampler heap) {
            ticks = source.ticks() - firstTick;
            wallNanos = System.nanoTime() - wallNanos;
            loopCpu = Bench.cpuBetween(loopStart, Bench.cpuByThread("procnet-loop"::equals));
            ioCpu = Bench.cpuBetween(ioStart, Bench.cpuByThread(name -> name.startsWith("XNIO-")));
            scriptCpu = script.get() - scriptCpu;
            processCpu = Bench.processCpu() - processCpu;
            long[] gc = Bench.gc();
            gcCount = gc[0] - gcCount;
            gcMillis = gc[1] - gcMillis;
            maxHeap = heap.max();
        }

        double wallMillis() {
            return wallNanos / 1e6;
        }

        double loopCpuPerTick() {
            return (loopCpu - scriptCpu) / 1e6 / ticks;
        }

        double ioCpuPerTick() {
            return ioCpu / 1e6 / ticks;
        }

        double serverCpuPerTick() {
            return loopCpuPerTick() + ioCpuPerTick();
        }

        double scriptCpuPerTick() {
            return scriptCpu / 1e6 / ticks;
        }

        double processCpuPerTick() {
            return processCpu / 1e6 / ticks;
        }
    }
}
