package io.procnet.server.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.procnet.server.Await;
import io.procnet.server.ProcnetServer;
import io.procnet.server.RawHttp;
import io.procnet.server.ScriptedSource;
import io.procnet.server.TestServers;
import io.procnet.server.browser.HeadlessChromium;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.openqa.selenium.JavascriptExecutor;

/**
 * The live map in the browser: a real server fed by a {@link MapLoad} of exactly N process nodes
 * and E edges, and the page in the system's headless Chromium at
 * {@value HeadlessChromium#WIDTH}x{@value HeadlessChromium#HEIGHT}, a fresh browser and profile
 * (empty local storage, so no saved positions) for every run. For 200/600, 1,000/3,000 and
 * 3,000/9,000 nodes/edges it measures, from the start of the navigation:
 *
 * <ul>
 *   <li>the first picture: the first frame painted with nodes on the map;</li>
 *   <li>the stable picture: {@code window.procnetSettledAt}, which the page sets when physics has
 *       stopped (bounded: a run that has not settled in time says so), and then how far any node
 *       moved in the second after it (must be 0);</li>
 *   <li>the reference, in the same run: the same vis-network items (read from the page's
 *       DataSets) with the positions the page gave them, physics off, in a page of their own
 *       with nothing else on it ({@code reference-map.html}): the floor of a first picture.</li>
 * </ul>
 *
 * <p>At 1,000/3,000, in the last run, after the map has settled, {@value #DELTAS} deltas of
 * {@value MapLoad#CHANGES} changes each, {@value #DELTA_GAP_MILLIS} ms apart: {@value MapLoad#UPDATED}
 * edges get a second connection (count and label change), {@value MapLoad#REMOVED} edges go and
 * {@value MapLoad#ADDED} new ones appear between existing processes. For each, the page's own
 * {@code window.procnetTimings} entry (the delta's arrival to the frame after the one that draws
 * it), and the positions of every node before and after (none may move). The reference: the
 * same mix applied to the reference page's DataSets by one update and one remove call, as a page
 * that simply hands its changes to vis-network would (and vis-network drawing as it does then).
 * At 200/600 also vis-network with its default options on the same items without positions
 * (bounded at {@value #DEFAULTS_BOUND_SECONDS} s). Medians over the runs; it fails when the page
 * shows other than N nodes and E edges, or a delta other than the scripted one.
 *
 * <p>Not a test: run it from the repository root with
 *
 * <pre>{@code
 * mvn -q -o -pl procnet-server -am test-compile -Dbench=browser-bench
 * }</pre>
 *
 * It takes about eight minutes on a 2-core machine; loopback only, it stops by itself.
 * {@code -Dbench.sizes=1000} (or {@code 200,3000}) measures only those sizes.
 */
public final class BrowserBenchmark {
    /** The sizes and how often each is loaded; the largest fewer times, as each load takes seconds. */
    private static final List<Size> SIZES = List.of(new Size(200, 600, 5), new Size(1000, 3000, 5),
            new Size(3000, 9000, 3));
    /** The size the deltas are measured at. */
    private static final int DELTA_NODES = 1000;
    private static final int DELTAS = 20;
    /** Longer than the page's fade-out of removed items (1.2 s), so each delta finds the last one gone. */
    private static final long DELTA_GAP_MILLIS = 1500;
    /** How long a page may take to settle before the run says it did not: 10x the targets. */
    private static final int SETTLE_BOUND_SECONDS = 40;
    private static final int DEFAULTS_BOUND_SECONDS = 20;
    private static final int DEFAULTS_RUNS = 3;
    /** How long after settling the positions are compared. */
    private static final long STILL_MILLIS = 1000;
    private static final long TICK_MILLIS = 200;
    private static final long POLL_MILLIS = 50;
    private static final long SEED = 7;

    private BrowserBenchmark() {
    }

    private record Size(int nodes, int edges, int runs) {
    }

    /** One load of the page; settled, stablePaint and moved are NaN when it did not settle. */
    private record PageRun(double firstPaint, double settled, double stablePaint, double moved) {
    }

    public static void main(String[] args) throws Exception {
        if (!HeadlessChromium.installed()) {
            throw new IllegalStateException("needs " + HeadlessChromium.BROWSER_PATH + " and "
                    + HeadlessChromium.DRIVER_PATH);
        }
        String probe = resource("page-probe.js");
        List<String> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<Size> sizes = sizes(args.length == 0 ? "all" : args[0]);
        try (ReferenceServer reference = ReferenceServer.start()) {
            for (Size size : sizes) {
                measure(size, probe, reference, rows, notes);
            }
        }
        System.out.printf(Locale.ROOT, "%n| nodes / edges | first picture | stable picture (settled) | moved in the 1 s"
                + " after | reference: positions given, physics off | first / reference | stable / reference |%n"
                + "|---|---|---|---|---|---|---|%n");
        rows.forEach(System.out::println);
        System.out.println();
        notes.forEach(System.out::println);
    }

    /** "all", or the node counts of the sizes to measure, such as "1000" or "200,3000". */
    private static List<Size> sizes(String chosen) {
        if (chosen.equals("all")) {
            return SIZES;
        }
        List<Size> sizes = new ArrayList<>();
        for (String nodes : chosen.split(",")) {
            sizes.add(SIZES.stream().filter(size -> String.valueOf(size.nodes()).equals(nodes.strip())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no size of " + nodes.strip() + " nodes: "
                            + SIZES.stream().map(size -> String.valueOf(size.nodes())).toList())));
        }
        return sizes;
    }

    private static void measure(Size size, String probe, ReferenceServer reference, List<String> rows,
                                List<String> notes) throws Exception {
        boolean deltas = size.nodes() == DELTA_NODES;
        MapLoad load = new MapLoad(size.nodes(), size.edges(), deltas ? DELTAS : 0, SEED);
        ScriptedSource source = new ScriptedSource(tick -> load.snapshot());
        try (ProcnetServer server = TestServers.start(source, TICK_MILLIS)) {
            Await.ticks(source, 2);
            InetSocketAddress address = server.address();
            String base = "http://" + RawHttp.hostOf(address);
            String visFile = new ObjectMapper().readTree(RawHttp.get(address, "/vendor/manifest.json").body())
                    .get("js_file").asText();
            reference.serve(base + "/vendor/" + visFile, base);
            System.out.printf(Locale.ROOT, "%,d nodes, %,d edges: a server on %s, %d runs%n", load.nodes(),
                    load.edges(), address, size.runs());
            List<PageRun> page = new ArrayList<>();
            List<Double> floor = new ArrayList<>();
            PageDeltas pageDeltas = null;
            double[] referenceDeltas = null;
            for (int run = 0; run < size.runs(); run++) {
                boolean last = run == size.runs() - 1;
                try (HeadlessChromium browser = HeadlessChromium.start()) {
                    browser.cdp("Page.addScriptToEvaluateOnNewDocument", Map.of("source", probe));
                    PageRun result = loadPage(browser, server.url(), load);
                    page.add(result);
                    System.out.printf(Locale.ROOT, "  page: first picture %.0f ms, settled %s, moved after %s%n",
                            result.firstPaint(), millis(result.settled()), px(result.moved()));
                    if (run == 0) {
                        reference.data(browser.script(String.class, """
                                const view = window.procnet.view;
                                const at = view.network.getPositions();
                                return JSON.stringify({ edges: view.edges.get(),
                                    nodes: view.nodes.get().map((node) => ({ ...node, x: at[node.id].x, y: at[node.id].y })) });
                                """));
                    }
                    if (deltas && last) {
                        pageDeltas = deltas(browser, load);
                    }
                }
                try (HeadlessChromium browser = HeadlessChromium.start()) {
                    double paint = loadReference(browser, reference.url("positions"), load, Duration.ofSeconds(20))[0];
                    floor.add(paint);
                    System.out.printf(Locale.ROOT, "  reference: first picture %.0f ms%n", paint);
                    if (deltas && last) {
                        referenceDeltas = referenceDeltas(browser);
                    }
                }
            }
            rows.add(row(size, page, floor));
            if (pageDeltas != null) {
                notes.add(deltaTable(pageDeltas, referenceDeltas));
            }
            if (size.nodes() == SIZES.get(0).nodes()) {
                notes.add(defaults(size, reference, load));
            }
        }
    }

    /** Opens the page, waits for it to settle (bounded), checks what it shows and how still it stays. */
    private static PageRun loadPage(HeadlessChromium browser, URI url, MapLoad load) throws InterruptedException {
        browser.open(url);
        long deadline = System.nanoTime() + Duration.ofSeconds(SETTLE_BOUND_SECONDS).toNanos();
        Double settled = null;
        while (System.nanoTime() < deadline) {
            settled = number(browser, "return window.procnetSettledAt");
            if (settled != null) {
                break;
            }
            Thread.sleep(POLL_MILLIS);
        }
        Double first = waitNumber(browser, "return window.procnetBench.firstPaint", Duration.ofSeconds(10));
        Double stable = settled == null ? null
                : waitNumber(browser, "return window.procnetBench.stablePaint", Duration.ofSeconds(10));
        checkShown(browser, load);
        browser.script(Object.class, "window.procnetBench.still = window.procnet.view.network.getPositions()");
        Thread.sleep(STILL_MILLIS);
        double moved = maxMove(browser, "still")[0];
        return new PageRun(first, settled == null ? Double.NaN : settled, stable == null ? Double.NaN : stable,
                moved);
    }

    private static void checkShown(HeadlessChromium browser, MapLoad load) {
        Map<?, ?> shown = browser.script(Map.class, "const view = window.procnet.view;"
                + " return { nodes: view.shownNodes.size, edges: view.shownEdges.size }");
        long nodes = ((Number) shown.get("nodes")).longValue();
        long edges = ((Number) shown.get("edges")).longValue();
        if (nodes != load.nodes() || edges != load.edges()) {
            throw new IllegalStateException("the page shows " + nodes + " nodes and " + edges + " edges, not "
                    + load.nodes() + " and " + load.edges());
        }
    }

    /** {the largest distance a node moved since the positions saved as procnetBench[key], how many moved}. */
    private static double[] maxMove(HeadlessChromium browser, String key) {
        Map<?, ?> moved = browser.script(Map.class, """
                const before = window.procnetBench[arguments[0]];
                const ids = Object.keys(before);
                const now = window.procnet.view.network.getPositions(ids);
                let max = 0;
                let count = 0;
                for (const id of ids) {
                    if (!now[id]) continue;
                    const distance = Math.hypot(now[id].x - before[id].x, now[id].y - before[id].y);
                    if (distance > 0) count++;
                    max = Math.max(max, distance);
                }
                return { max, count };
                """, key);
        return new double[] {((Number) moved.get("max")).doubleValue(), ((Number) moved.get("count")).doubleValue()};
    }

    /** The deltas: the page's times, those of its render and of vis-network's drawing after, the nodes moved by each. */
    private static PageDeltas deltas(HeadlessChromium browser, MapLoad load) throws InterruptedException {
        double[] times = new double[load.phases()];
        double[] render = new double[load.phases()];
        double[] draw = new double[load.phases()];
        double[] moved = new double[load.phases()];
        for (int phase = 1; phase <= load.phases(); phase++) {
            browser.script(Object.class, "window.procnetBench.before = window.procnet.view.network.getPositions()");
            Number before = browser.script(Number.class, "return window.procnet.state.version");
            load.phase(phase);
            Map<?, ?> timing = Await.until("the delta of phase " + phase + " painted", Duration.ofSeconds(10),
                    () -> browser.script(Map.class, """
                            const version = window.procnet.state.version;
                            if (version === arguments[0]) return null;
                            const timing = (window.procnetTimings || []).find((t) => t.version === version);
                            const change = window.procnetBench.changes.find((c) => c.version === version);
                            return timing && change && change.drawMillis !== undefined
                                ? { ...change, millis: timing.millis, whole: timing.whole } : null;
                            """, before), Objects::nonNull);
            if (Boolean.TRUE.equals(timing.get("whole")) || ((Number) timing.get("nodes")).intValue() != 0
                    || ((Number) timing.get("updatedEdges")).intValue() != MapLoad.UPDATED
                    || ((Number) timing.get("removedEdges")).intValue() != MapLoad.REMOVED
                    || ((Number) timing.get("addedEdges")).intValue() != MapLoad.ADDED) {
                throw new IllegalStateException("phase " + phase + " came as another change: " + timing);
            }
            times[phase - 1] = ((Number) timing.get("millis")).doubleValue();
            render[phase - 1] = ((Number) timing.get("renderMillis")).doubleValue();
            draw[phase - 1] = ((Number) timing.get("drawMillis")).doubleValue();
            Thread.sleep(DELTA_GAP_MILLIS);
            double[] move = maxMove(browser, "before");
            moved[phase - 1] = move[1];
            System.out.printf(Locale.ROOT, "  delta %d: %.1f ms (render %.1f ms, drawing %.1f ms), %d nodes moved"
                    + " (at most %.1f px)%n", phase, times[phase - 1], render[phase - 1], draw[phase - 1],
                    (long) move[1], move[0]);
        }
        return new PageDeltas(times, render, draw, moved);
    }

    /** Per delta: arrival to painted frame, the page's render, vis-network's drawing after it, nodes moved. */
    private record PageDeltas(double[] millis, double[] render, double[] draw, double[] moved) {
    }

    /** Opens the reference page; {first picture, stabilized (or NaN within bound)}. */
    private static double[] loadReference(HeadlessChromium browser, URI url, MapLoad load, Duration bound)
            throws InterruptedException {
        browser.open(url);
        Double first = waitNumber(browser, "return window.referenceBench.firstPaint", Duration.ofSeconds(60));
        Map<?, ?> shown = browser.script(Map.class, "return { nodes: window.referenceBench.nodeCount,"
                + " edges: window.referenceBench.edgeCount }");
        if (((Number) shown.get("nodes")).longValue() != load.nodes()
                || ((Number) shown.get("edges")).longValue() != load.edges()) {
            throw new IllegalStateException("the reference has " + shown + ", not " + load.nodes() + " and "
                    + load.edges());
        }
        Double stabilized = waitNumber(browser, "return window.referenceBench.stabilized", bound);
        return new double[] {first == null ? Double.NaN : first, stabilized == null ? Double.NaN : stabilized};
    }

    private static double[] referenceDeltas(HeadlessChromium browser) throws InterruptedException {
        JavascriptExecutor script = (JavascriptExecutor) browser.driver();
        double[] times = new double[DELTAS];
        for (int round = 0; round < DELTAS; round++) {
            times[round] = ((Number) script.executeAsyncScript(
                    "window.referenceBench.delta(arguments[0]).then(arguments[arguments.length - 1])", round))
                    .doubleValue();
            Thread.sleep(300);
        }
        return times;
    }

    private static String defaults(Size size, ReferenceServer reference, MapLoad load) throws Exception {
        List<Double> first = new ArrayList<>();
        List<Double> stable = new ArrayList<>();
        int unsettled = 0;
        for (int run = 0; run < DEFAULTS_RUNS; run++) {
            try (HeadlessChromium browser = HeadlessChromium.start()) {
                double[] times = loadReference(browser, reference.url("defaults"), load,
                        Duration.ofSeconds(DEFAULTS_BOUND_SECONDS));
                System.out.printf(Locale.ROOT, "  vis-network defaults: first picture %s, stabilized %s%n",
                        millis(times[0]), millis(times[1]));
                first.add(times[0]);
                if (Double.isNaN(times[1])) {
                    unsettled++;
                } else {
                    stable.add(times[1]);
                }
            }
        }
        return String.format(Locale.ROOT, "vis-network with its default options at %,d/%,d (the same items without"
                + " positions), %d runs: first picture %s (median), %s%n", size.nodes(), size.edges(),
                DEFAULTS_RUNS, millis(Bench.median(first)), unsettled == DEFAULTS_RUNS
                        ? "did not settle in " + DEFAULTS_BOUND_SECONDS + " s"
                        : "settled in " + millis(Bench.median(stable)) + (unsettled > 0 ? " (" + unsettled
                        + " runs did not settle in " + DEFAULTS_BOUND_SECONDS + " s)" : ""));
    }

    private static String row(Size size, List<PageRun> runs, List<Double> floor) {
        double reference = Bench.median(floor);
        double first = Bench.median(runs.stream().map(PageRun::firstPaint).toList());
        List<Double> settled = runs.stream().map(PageRun::settled).filter(t -> !Double.isNaN(t)).toList();
        String stable;
        String ratio;
        if (settled.size() < runs.size()) {
            stable = "did not settle in " + SETTLE_BOUND_SECONDS + " s (" + (runs.size() - settled.size()) + " of "
                    + runs.size() + " runs)";
            ratio = "";
        } else {
            double median = Bench.median(settled);
            stable = millis(median);
            ratio = String.format(Locale.ROOT, "%.1fx", median / reference);
        }
        double moved = runs.stream().mapToDouble(PageRun::moved).max().orElse(0);
        return String.format(Locale.ROOT, "| %,d / %,d | %s | %s | %s | %s | %.1fx | %s |", size.nodes(), size.edges(),
                millis(first), stable, px(moved), millis(reference), first / reference, ratio);
    }

    private static String deltaTable(PageDeltas page, double[] reference) {
        double movedNodes = 0;
        for (double count : page.moved()) {
            movedNodes += count;
        }
        double[] millis = page.millis();
        return String.format(Locale.ROOT, "| %d deltas of %d changes at %,d nodes | median | p90 | max |%n"
                + "|---|---|---|---|%n"
                + "| the page: arrival to painted frame | %s |%n"
                + "| of which the page's render (projection, diff, DataSet calls) | %s |%n"
                + "| of which vis-network's drawing of the map | %s |%n"
                + "| reference: the same mix as two plain DataSet calls | %s |%n"
                + "| page / reference | %.2fx | %.2fx | |%n"
                + "nodes moved by the deltas: %d%n", millis.length, MapLoad.CHANGES, DELTA_NODES,
                spread(millis), spread(page.render()), spread(page.draw()), spread(reference),
                Bench.median(millis) / Bench.median(reference), Bench.percentile(millis, 90)
                        / Bench.percentile(reference, 90), (long) movedNodes);
    }

    /** Median, p90 and max as table cells. */
    private static String spread(double[] values) {
        return String.format(Locale.ROOT, "%.1f ms | %.1f ms | %.1f ms", Bench.median(values),
                Bench.percentile(values, 90), Bench.percentile(values, 100));
    }

    private static Double number(HeadlessChromium browser, String script) {
        Object value = browser.script(Object.class, script);
        return value instanceof Number n ? n.doubleValue() : null;
    }

    /** The number the script returns once it returns one, or null after {@code bound}. */
    private static Double waitNumber(HeadlessChromium browser, String script, Duration bound)
            throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (true) {
            Double value = number(browser, script);
            if (value != null || System.nanoTime() > deadline) {
                return value;
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    private static String millis(double value) {
        return Double.isNaN(value) ? "-" : value >= 10_000 ? String.format(Locale.ROOT, "%.1f s", value / 1000)
                : String.format(Locale.ROOT, "%.0f ms", value);
    }

    private static String px(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.1f px", value);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = BrowserBenchmark.class.getResourceAsStream(name)) {
            return new String(Objects.requireNonNull(in, name).readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * Serves the reference page and the items it draws, on a loopback port of its own: a page
     * with nothing of Procnet's, which loads vis-network and the icons from the Procnet server.
     */
    private static final class ReferenceServer implements AutoCloseable {
        private final HttpServer server;
        private final String template;
        private final AtomicReference<byte[]> page = new AtomicReference<>(new byte[0]);
        private final AtomicReference<byte[]> data = new AtomicReference<>(new byte[0]);

        private ReferenceServer(HttpServer server, String template) {
            this.server = server;
            this.template = template;
        }

        static ReferenceServer start() throws IOException {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
            ReferenceServer reference = new ReferenceServer(http, resource("reference-map.html"));
            http.createContext("/reference.html", exchange -> send(exchange, "text/html", reference.page::get));
            http.createContext("/data.json", exchange -> send(exchange, "application/json", reference.data::get));
            http.start();
            return reference;
        }

        void serve(String visUrl, String iconBase) {
            page.set(template.replace("VIS_URL", visUrl).replace("ICON_BASE", iconBase)
                    .getBytes(StandardCharsets.UTF_8));
        }

        void data(String json) {
            data.set(json.getBytes(StandardCharsets.UTF_8));
        }

        URI url(String mode) {
            return URI.create("http://" + RawHttp.hostOf(server.getAddress()) + "/reference.html?mode=" + mode);
        }

        private static void send(HttpExchange exchange, String type, Supplier<byte[]> body) {
            try (exchange) {
                byte[] bytes = body.get();
                exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
                exchange.getResponseHeaders().set("Cache-Control", "no-store");
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
