package io.procnet.server.bench;

import io.procnet.testkit.SocketLoad;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The server's memory, each figure from a child JVM ({@link BenchServerMain}) of the flags under
 * test, read from {@code /proc/<pid>/status} (VmRSS):
 *
 * <ol>
 *   <li><b>idle</b>: a server over a small scripted graph (a dozen processes), {@value #IDLE_SECONDS} s
 *       after it started, with the flags the CLI launcher will use ({@link #LAUNCHER}; target: at
 *       most 120 MB), the same without {@code -XX:TieredStopAtLevel=1}, and both with a small
 *       initial heap ({@code -Xms16m}); the reference, in the same run, is a JVM of the launcher's flags that
 *       runs nothing. One more child of the launcher's flags runs with native memory tracking, and
 *       {@code jcmd VM.native_memory summary} says where its memory is committed.</li>
 *   <li><b>load</b>: the launcher's flags with {@code -Xmx256m}, on {@code socket_load.py} with 50k
 *       connections (traffic every second; while the server runs, 20 connections replaced every
 *       half second): {@code linux-netlink} alone for
 *       {@value #COLLECTOR_SECONDS} s (the reference), then a server over the same collector at the
 *       1 s interval with 2 gzip event streams for {@value #LOAD_SECONDS} s; an OutOfMemoryError
 *       ends the child ({@code -XX:+ExitOnOutOfMemoryError}) and fails the run. It prints the
 *       heap after GC (highest), GC count and time, RSS, and the largest classes of the live heap
 *       at the end ({@code jcmd GC.class_histogram}).</li>
 * </ol>
 *
 * Bounded (about 3 min), loopback only, stops by itself; needs root for the load. Not a test: run
 * it from the repository root with
 *
 * <pre>{@code
 * mvn -q -o -pl procnet-server -am test-compile -Dbench=memory-bench
 * }</pre>
 *
 * A child's standard error (the server's log) goes to a file in the temporary directory, named when
 * the child fails.
 */
public final class MemoryBenchmark {
    /** The flags the CLI launcher will start the server with. */
    static final List<String> LAUNCHER = List.of("-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-Xss512k", "-XX:MaxMetaspaceSize=64m");
    static final int IDLE_SECONDS = 30;
    static final int COLLECTOR_SECONDS = 20;
    static final int LOAD_SECONDS = 60;

    private MemoryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        idle();
        load(Path.of(args.length > 0 ? args[0] : "../shared/bench/socket_load.py"));
    }

    private static void idle() throws Exception {
        List<String> noTiered = new ArrayList<>(LAUNCHER);
        noTiered.remove("-XX:TieredStopAtLevel=1");
        Map<String, Child> children = new LinkedHashMap<>();
        children.put("empty JVM, launcher flags (reference)", Child.start(LAUNCHER, "empty"));
        children.put("idle server, launcher flags", Child.start(LAUNCHER, "idle"));
        children.put("idle server, launcher flags without TieredStopAtLevel=1", Child.start(noTiered, "idle"));
        // the young generation is resident in full once it has been collected, which startup already
        // does; a small initial heap makes it small until the heap must grow
        children.put("idle server, launcher flags + -Xms16m", Child.start(with(LAUNCHER, "-Xms16m"), "idle"));
        children.put("idle server, without TieredStopAtLevel=1, + -Xms16m", Child.start(with(noTiered, "-Xms16m"),
                "idle"));
        Child tracked = Child.start(with(LAUNCHER, "-XX:NativeMemoryTracking=summary"), "idle");
        children.put("idle server, launcher flags + NativeMemoryTracking=summary", tracked);
        for (Child child : children.values()) {
            child.awaitReady();
        }
        Thread.sleep(IDLE_SECONDS * 1000L);
        long reference = -1;
        List<String> rows = new ArrayList<>();
        rows.add(String.format(Locale.ROOT, "| %-62s | %9s | %8s | %9s | %9s | %s |", "idle " + IDLE_SECONDS
                + " s after start", "VmRSS", "/ empty", "heap used", "committed", "GC since start"));
        rows.add("|---|---|---|---|---|---|");
        String nmt = run(jcmd(), Long.toString(tracked.pid()), "VM.native_memory", "summary");
        for (Map.Entry<String, Child> entry : children.entrySet()) {
            Child child = entry.getValue();
            long rss = Bench.rss(child.pid());
            Map<String, Long> stats = child.stats();
            if (reference < 0) {
                reference = rss;
            }
            rows.add(String.format(Locale.ROOT, "| %-62s | %6.1f MiB | %7.2fx | %5.1f MiB | %5.1f MiB | %d, %d ms |",
                    entry.getKey(), Bench.mib(rss), (double) rss / reference, Bench.mib(stats.get("heapUsed")),
                    Bench.mib(stats.get("heapCommitted")), stats.get("gcCount"), stats.get("gcMillis")));
        }
        for (Child child : children.values()) {
            child.close();
        }
        System.out.println();
        rows.forEach(System.out::println);
        System.out.println("\nlauncher flags: " + String.join(" ", LAUNCHER));
        System.out.println("native memory of the idle server, launcher flags (committed, by category):");
        for (String line : nmt.split("\n")) {
            if (line.startsWith("Total") || line.matches("^-\\s+\\S.*\\(reserved=.*")) {
                System.out.println("  " + line.replaceAll("\\s+", " ").trim());
            }
        }
    }

    private static void load(Path script) throws Exception {
        List<String> flags = new ArrayList<>(LAUNCHER);
        flags.set(flags.indexOf("-Xmx128m"), "-Xmx256m");
        flags.add("-XX:+ExitOnOutOfMemoryError");
        try (SocketLoad load = SocketLoad.start(script, 50_000, "--traffic-interval", "1");
             Child child = Child.start(flags, "netlink", Integer.toString(COLLECTOR_SECONDS))) {
            String collector = child.awaitLine("collector ");
            int port = Integer.parseInt(child.awaitReady().split(" ")[1]);
            List<EventStream> streams = List.of(
                    EventStream.open(new InetSocketAddress("127.0.0.1", port), true, null),
                    EventStream.open(new InetSocketAddress("127.0.0.1", port), true, null));
            long maxRss = 0;
            long end = System.nanoTime() + LOAD_SECONDS * 1_000_000_000L;
            while (System.nanoTime() < end && child.process.isAlive()) {
                maxRss = Math.max(maxRss, Bench.rss(child.pid()));
                load.replace();
                Thread.sleep(500);
            }
            if (!child.process.isAlive()) {
                throw new IllegalStateException("the server's JVM ended (exit " + child.process.exitValue()
                        + "): an OutOfMemoryError ends it; its log: " + child.log);
            }
            Map<String, Long> stats = child.stats();
            Map<String, Long> alone = parse(collector);
            String histogram = run(jcmd(), Long.toString(child.pid()), "GC.class_histogram");
            int deltas = 0;
            int mismatches = 0;
            for (EventStream stream : streams) {
                stream.close();
                deltas += stream.deltas();
                mismatches += stream.mismatches();
            }
            System.out.printf(Locale.ROOT, "%nsocket_load.py 50,000 connections (%,d sockets), traffic every 1 s;"
                    + " flags %s%n", alone.get("sockets"), String.join(" ", flags));
            System.out.println("| | collector alone, " + COLLECTOR_SECONDS + " s (reference) | server, 2 event streams, "
                    + LOAD_SECONDS + " s | ratio |");
            System.out.println("|---|---|---|---|");
            loadRow("heap used after GC, highest, MiB", alone.get("maxHeapAfterGc"), stats.get("maxHeapAfterGc"));
            loadRow("VmRSS at the end, MiB", alone.get("rss"), stats.get("rss"));
            loadRow("VmRSS, highest, MiB", alone.get("maxRss"), Math.max(maxRss, stats.get("maxRss")));
            System.out.printf(Locale.ROOT, "| GC collections / time | %d / %d ms | %d / %d ms | |%n",
                    alone.get("gcCount"), alone.get("gcMillis"), stats.get("gcCount"), stats.get("gcMillis"));
            System.out.printf(Locale.ROOT, "| of which full collections / time | %d / %d ms | %d / %d ms | |%n",
                    alone.get("fullGcCount"), alone.get("fullGcMillis"), stats.get("fullGcCount"),
                    stats.get("fullGcMillis"));
            System.out.printf(Locale.ROOT, "server: heap after full GC, highest %.1f MiB; heap committed %.1f MiB;"
                    + " no OutOfMemoryError; the 2 streams got %d deltas, %d out of order or gapped%n",
                    Bench.mib(stats.get("maxHeapAfterFullGc")), Bench.mib(stats.get("heapCommitted")), deltas,
                    mismatches);
            System.out.println("the server's live heap at the end (jcmd GC.class_histogram, after a full GC), the"
                    + " largest classes:");
            histogram.lines().filter(line -> line.matches("^\\s*\\d+:\\s+\\d+.*")).limit(15)
                    .forEach(line -> System.out.println("  " + line.trim().replaceAll("\\s+", " ")));
            histogram.lines().filter(line -> line.startsWith("Total"))
                    .forEach(line -> System.out.println("  " + line.trim().replaceAll("\\s+", " ")));
        }
    }

    private static void loadRow(String name, long reference, long server) {
        System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %.2fx |%n", name, Bench.mib(reference), Bench.mib(server),
                (double) server / reference);
    }

    private static List<String> with(List<String> flags, String... more) {
        List<String> all = new ArrayList<>(flags);
        all.addAll(List.of(more));
        return all;
    }

    private static String jcmd() {
        return Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(30, TimeUnit.SECONDS);
        return output;
    }

    /** {@code key=value} pairs of a {@code stats} or {@code collector} line. */
    private static Map<String, Long> parse(String line) {
        Map<String, Long> values = new LinkedHashMap<>();
        for (String part : line.split(" ")) {
            int equals = part.indexOf('=');
            if (equals > 0) {
                values.put(part.substring(0, equals), Long.parseLong(part.substring(equals + 1)));
            }
        }
        return values;
    }

    /** A {@link BenchServerMain} JVM; closing its input ends it. */
    private static final class Child implements AutoCloseable {
        final Process process;
        private final BufferedReader output;
        private final OutputStream input;

        private final File log;

        private Child(Process process, File log) {
            this.process = process;
            this.log = log;
            this.output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            this.input = process.getOutputStream();
        }

        static Child start(List<String> flags, String... arguments) throws IOException {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(flags);
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add(BenchServerMain.class.getName());
            command.addAll(List.of(arguments));
            File log = File.createTempFile("procnet-memory-bench-", ".log");
            return new Child(new ProcessBuilder(command).redirectError(log).start(), log);
        }

        long pid() {
            return process.pid();
        }

        String awaitReady() throws IOException {
            return awaitLine("ready ");
        }

        /** The next line that starts with {@code prefix}; the lines before it are printed. */
        String awaitLine(String prefix) throws IOException {
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                if (line.startsWith(prefix)) {
                    return line;
                }
                System.out.println("  child: " + line);
            }
            throw new IOException("the child JVM ended before a '" + prefix + "' line (exit "
                    + (process.isAlive() ? "?" : process.exitValue()) + "); its log: " + log);
        }

        Map<String, Long> stats() throws IOException {
            input.write("stats\n".getBytes(StandardCharsets.US_ASCII));
            input.flush();
            return parse(awaitLine("stats "));
        }

        @Override
        public void close() throws IOException {
            input.close();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
