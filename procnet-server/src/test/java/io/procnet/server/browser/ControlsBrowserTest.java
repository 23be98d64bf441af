package io.procnet.server.browser;

import static io.procnet.server.browser.SampleHost.process;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import io.procnet.server.ProcnetServer;
import io.procnet.server.ScriptedSource;
import io.procnet.server.TestServers;
import io.procnet.server.TestSnapshots;
import io.procnet.server.browser.LivePage.Toggle;
import io.procnet.server.internal.wire.WireNode;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;

/**
 * The toolbar and what a click on the map does: search, the filters, hiding from the panel,
 * folded process groups and gathered remote endpoints, the view kept in the URL, and the keys.
 * One browser for the class, a server per test, all on the same small host: postgres (three
 * backends of a master, one group; the master holds no connection, so it is no node) serving a
 * python3 API, nginx in front of it, an idle redis, and a
 * node fetcher calling four remote endpoints on 443.
 */
@BrowserTest
class ControlsBrowserTest extends OneBrowser {
    private static final long INTERVAL_MILLIS = 100;
    private static final String POSTGRES = "fold:group:100";
    private static final String API = "proc:200";
    private static final String NGINX = "proc:300";
    private static final String FETCHER = "proc:500";
    private static final List<String> REMOTES = List.of("ext:93.184.216.1", "ext:93.184.216.2", "ext:93.184.216.3",
            "ext:93.184.216.4");

    private static TestSnapshots host() {
        String postgres = "/usr/lib/postgresql/16/bin/postgres";
        TestSnapshots rows = new TestSnapshots()
                .process(process(100, 1, "postgres", postgres, postgres + " -D /var/lib/postgresql/16/main", "postgres"))
                .process(process(101, 100, "postgres", postgres, "postgres: app appdb 127.0.0.1(41001) idle", "postgres"))
                .process(process(102, 100, "postgres", postgres, "postgres: app appdb 127.0.0.1(41002) idle", "postgres"))
                .process(process(103, 100, "postgres", postgres, "postgres: app appdb 127.0.0.1(41003) idle", "postgres"))
                .process(process(200, 1, "python3", "/usr/bin/python3.11", "python3 api.py --port 8000", "alice"))
                .process(process(300, 1, "nginx", "/usr/sbin/nginx", "nginx: master process /usr/sbin/nginx", "root"))
                .process(process(400, 1, "redis-server", "/usr/bin/redis-server", "redis-server 127.0.0.1:6379", "redis"))
                .process(process(500, 1, "node", "/usr/bin/node", "node fetch.js", "alice"))
                .listen(100, "0.0.0.0:5432")
                .est(101, "127.0.0.1:5432", "127.0.0.1:41001").est(200, "127.0.0.1:41001", "127.0.0.1:5432")
                .est(102, "127.0.0.1:5432", "127.0.0.1:41002").est(200, "127.0.0.1:41002", "127.0.0.1:5432")
                .est(103, "127.0.0.1:5432", "127.0.0.1:41003").est(200, "127.0.0.1:41003", "127.0.0.1:5432")
                .listen(200, "127.0.0.1:8000")
                .est(300, "127.0.0.1:42000", "127.0.0.1:8000").est(200, "127.0.0.1:8000", "127.0.0.1:42000")
                .listen(300, "0.0.0.0:80")
                .listen(400, "127.0.0.1:6379");
        for (int i = 1; i <= 4; i++) {
            rows.est(500, "10.0.0.5:" + (43000 + i), "93.184.216." + i + ":443");
        }
        return rows;
    }

    private static ProcnetServer start(ScriptedSource source) throws IOException {
        return TestServers.builder(source, INTERVAL_MILLIS).classifier(SampleHost.classifier()).start();
    }

    private static ProcnetServer startHost() throws IOException {
        return start(new ScriptedSource(tick -> host().at(tick)));
    }

    @Test
    void searchFindsByNamePidPortAndAddress() throws Exception {
        try (ProcnetServer server = startHost()) {
            page.open(server.url());
            page.awaitSettled();

            assertSearch("nginx", "1 match", NGINX);
            assertSearch("200", "1 match", API);
            // the nginx -> api edge serves 8000, and api listens on it
            assertSearch("8000", "2 matches", API, NGINX);
            // the three postgres processes are one folded node
            assertSearch("5432", "4 matches", POSTGRES, API);
            page.click(Toggle.FOLD_GROUPS);
            assertSearch("5432", "4 matches", API, "proc:101", "proc:102", "proc:103");
            page.clickType("database");
            assertSearch("5432", "4 matches (some hidden)", API);
            assertSearch("93.184.216.3", "1 match", "ext:93.184.216.3");
            assertSearch("no-such-thing", "no match");
            assertSearch("", "");
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    private static void assertSearch(String query, String result, String... selected) throws InterruptedException {
        page.search(query);
        browser.waitFor("the result of '" + query + "'", page::searchResult, result::equals);
        assertThat(page.selectedNodes()).as("selected for '" + query + "'").containsExactlyInAnyOrder(selected);
    }

    @Test
    void aSearchLeavesTheViewWhereTheUserMovedItWhileTheGraphChanges() throws Exception {
        // one more connection every tick: a delta every tick
        ScriptedSource source = new ScriptedSource(tick -> {
            TestSnapshots rows = host();
            for (int i = 0; i < tick; i++) {
                rows.est(500, "10.0.0.5:" + (44000 + i), "93.184.216.1:443");
            }
            return rows.at(tick);
        });
        try (ProcnetServer server = start(source)) {
            page.open(server.url());
            page.awaitSettled();
            page.search("nginx");
            browser.waitFor("the search", page::searchResult, "1 match"::equals);
            assertThat(page.inView(NGINX)).isTrue();

            page.lookElsewhere();
            long version = page.version();
            browser.waitFor("three changes more", page::version, now -> now >= version + 3);
            assertThat(page.inView(NGINX)).as("the view pulled back to the match").isFalse();
            assertThat(page.selectedNodes()).containsExactly(NGINX);
            assertThat(page.searchResult()).isEqualTo("1 match");
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    @Test
    void everyFilterHidesWhatItSays() throws Exception {
        AtomicBoolean broker = new AtomicBoolean();
        ScriptedSource source = new ScriptedSource(tick -> {
            TestSnapshots rows = host();
            if (broker.get()) { // a type the page has not seen before
                rows.process(process(700, 1, "beam.smp", "/usr/lib/erlang/bin/beam.smp", "beam.smp -- -root /usr/lib/erlang",
                        "rabbitmq")).listen(700, "0.0.0.0:5672")
                        .est(700, "127.0.0.1:5672", "127.0.0.1:41700").est(200, "127.0.0.1:41700", "127.0.0.1:5672");
            }
            return rows.at(tick);
        });
        try (ProcnetServer server = start(source)) {
            page.open(server.url());
            page.awaitSettled();
            assertThat(page.typeFilters()).containsExactly(entry("app", true), entry("cache", true),
                    entry("database", true), entry("external", true), entry("listener", true),
                    entry("load_balancer", true));
            List<String> all = page.nodeIds();
            assertThat(all).contains(POSTGRES, API, NGINX, FETCHER, "proc:400", "listen:tcp:80").containsAll(REMOTES);

            page.clickType("database");
            browser.waitFor("postgres hidden", page::nodeIds, ids -> !ids.contains(POSTGRES));
            assertThat(page.typeFilters()).containsEntry("database", false).containsEntry("app", true);
            assertThat(page.nodeIds()).contains(API, NGINX);
            assertThat(page.url().getFragment()).isEqualTo("hideTypes=database");
            broker.set(true);
            browser.waitFor("the broker, of a new type, shown", page::nodeIds, ids -> ids.contains("proc:700"));
            assertThat(page.typeFilters()).containsEntry("message_broker", true).containsEntry("database", false);
            broker.set(false);
            browser.waitFor("the broker gone", page::nodeIds, ids -> !ids.contains("proc:700"));
            page.clickType("database");
            browser.waitFor("postgres back", page::nodeIds, all::equals);

            page.click(Toggle.REMOTE);
            browser.waitFor("no remote endpoint", page::nodeIds, ids -> ids.stream().noneMatch(id -> id.startsWith("ext:")));
            assertThat(page.nodeIds()).contains(FETCHER, API);
            page.click(Toggle.LISTENERS);
            browser.waitFor("no listener", page::nodeIds, ids -> ids.stream().noneMatch(id -> id.startsWith("listen:")));
            assertThat(page.nodeIds()).contains(NGINX, "proc:400");
            page.click(Toggle.REMOTE);
            page.click(Toggle.LISTENERS);
            browser.waitFor("everything back", page::nodeIds, all::equals);
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    @Test
    void thePanelHidesAProcessOrItsType() throws Exception {
        try (ProcnetServer server = startHost()) {
            page.open(server.url());
            page.awaitSettled();
            List<String> all = page.nodeIds();

            page.clickNode(API);
            browser.waitFor("the panel of python3", () -> page.panelOpen() ? page.panelTitle() : "", "python3"::equals);
            page.clickPanelButton("Hide this process");
            browser.waitFor("python3 hidden", page::nodeIds, ids -> !ids.contains(API));
            assertThat(page.hiddenChips()).containsExactly("hidden: python3 ×");
            page.clickHiddenChip("hidden: python3 ×");
            browser.waitFor("python3 back", page::nodeIds, all::equals);
            assertThat(page.hiddenChips()).isEmpty();

            page.clickNode(NGINX);
            browser.waitFor("the panel of nginx", () -> page.panelOpen() ? page.panelTitle() : "", "nginx"::equals);
            page.clickPanelButton("Hide type load_balancer");
            browser.waitFor("nginx hidden", page::nodeIds, ids -> !ids.contains(NGINX));
            assertThat(page.hiddenChips()).containsExactly("hidden: type load_balancer ×");
            assertThat(page.typeFilters()).as("its filter says so").containsEntry("load_balancer", false);
            assertThat(page.nodeIds()).contains(API, POSTGRES);
            page.clickHiddenChip("hidden: type load_balancer ×");
            browser.waitFor("nginx back", page::nodeIds, all::equals);
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    @Test
    void aProcessGroupIsOneNodeThatAClickUnfolds() throws Exception {
        try (ProcnetServer server = startHost()) {
            page.open(server.url());
            page.awaitSettled();
            // the server gives the backends their master's group; the page folds it
            assertThat(Served.graph(server).nodes()).filteredOn(node -> node instanceof WireNode.Process)
                    .map(node -> (WireNode.Process) node).filteredOn(node -> node.label().equals("postgres"))
                    .extracting(WireNode::id, WireNode.Process::group).containsExactly(
                            tuple("proc:101", "group:100"), tuple("proc:102", "group:100"), tuple("proc:103", "group:100"));
            assertThat(page.nodeIds()).contains(POSTGRES).doesNotContain("proc:101", "proc:102", "proc:103");
            assertThat(page.drawnLabel(POSTGRES)).isEqualTo("postgres ×3");

            page.clickNode(POSTGRES);
            browser.waitFor("the group unfolded", page::nodeIds,
                    ids -> ids.containsAll(List.of("proc:101", "proc:102", "proc:103")) && !ids.contains(POSTGRES));
            assertThat(page.panelTitle()).isEqualTo("postgres ×3");
            assertThat(page.panelMembers()).containsExactly("postgres (pid 101)", "postgres (pid 102)",
                    "postgres (pid 103)");
            assertThat(page.edgeIds()).contains("tcp:proc:200->proc:101:5432", "tcp:proc:200->proc:102:5432");

            page.clickPanelButton("Fold again");
            browser.waitFor("the group folded again", page::nodeIds,
                    ids -> ids.contains(POSTGRES) && !ids.contains("proc:101"));
            page.click(Toggle.FOLD_GROUPS);
            browser.waitFor("every group unfolded", page::nodeIds, ids -> ids.contains("proc:101") && !ids.contains(POSTGRES));
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    @Test
    void remoteEndpointsGatherIntoOneNodeThatAClickExpands() throws Exception {
        try (ProcnetServer server = startHost()) {
            page.open(server.url());
            page.awaitSettled();
            assertThat(page.nodeIds()).containsAll(REMOTES);

            page.click(Toggle.GATHER_REMOTES);
            String gathered = "remotes:" + FETCHER;
            browser.waitFor("the remote endpoints gathered", page::nodeIds,
                    ids -> ids.contains(gathered) && REMOTES.stream().noneMatch(ids::contains));
            assertThat(page.drawnLabel(gathered)).isEqualTo("4 remote endpoints");
            assertThat(page.edgeIds()).contains("tcp:" + FETCHER + "->" + gathered + ":443");

            page.clickNode(gathered);
            browser.waitFor("the remote endpoints expanded", page::nodeIds,
                    ids -> ids.containsAll(REMOTES) && !ids.contains(gathered));
            assertThat(page.panelTitle()).isEqualTo("4 remote endpoints");
            assertThat(page.panelMembers()).containsExactly("93.184.216.1", "93.184.216.2", "93.184.216.3",
                    "93.184.216.4");
            page.clickPanelButton("Gather again");
            browser.waitFor("gathered again", page::nodeIds, ids -> ids.contains(gathered));
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    @Test
    void aLargeMapOffersFoldingOnlyWhereFoldingDrawsFewerNodes() throws Exception {
        // one crawler calling 450 remote endpoints: gathering them leaves two nodes
        try (ProcnetServer server = start(new ScriptedSource(tick -> crawler(450).at(tick)))) {
            page.open(server.url());
            page.awaitSettled();
            assertThat(page.nodeIds()).hasSize(451);
            browser.waitUntil("the offer", page::foldingOffered);

            page.acceptFolding();
            browser.waitFor("the endpoints gathered", page::nodeIds, ids -> ids.size() == 2);
            assertThat(page.checked(Toggle.GATHER_REMOTES)).isTrue();
            assertThat(page.foldingOffered()).as("a small map now").isFalse();
            assertThat(browser.consoleErrors()).isEmpty();
        }
        // 450 clients of one server, each a program of its own: nothing to fold, so nothing offered
        try (ProcnetServer server = start(new ScriptedSource(tick -> clients(450).at(tick)))) {
            page.open(server.url());
            page.awaitSettled();
            assertThat(page.nodeIds()).hasSize(451);
            assertThat(page.foldingOffered()).isFalse();
        }
    }

    private static TestSnapshots crawler(int remotes) {
        TestSnapshots rows = new TestSnapshots().process(500, "node", "node crawl.js");
        for (int i = 0; i < remotes; i++) {
            rows.est(500, "10.0.0.5:" + (20000 + i), "198.51." + (100 + i / 250) + "." + (1 + i % 250) + ":443");
        }
        return rows;
    }

    private static TestSnapshots clients(int count) {
        TestSnapshots rows = new TestSnapshots().process(10, "api", "api --port 8000").listen(10, "127.0.0.1:8000");
        for (int i = 0; i < count; i++) {
            long pid = 1000 + i;
            rows.process(pid, "client" + i, "client" + i + " --id " + i)
                    .est(pid, "127.0.0.1:" + (30000 + i), "127.0.0.1:8000")
                    .est(10, "127.0.0.1:8000", "127.0.0.1:" + (30000 + i));
        }
        return rows;
    }

    @Test
    void theUrlBringsBackTheSameView() throws Exception {
        try (ProcnetServer server = startHost()) {
            page.open(server.url());
            page.awaitSettled();
            page.clickType("cache");
            page.click(Toggle.REMOTE);
            page.click(Toggle.GATHER_REMOTES);
            page.clickNode(POSTGRES);
            browser.waitFor("the group unfolded", page::nodeIds, ids -> ids.contains("proc:101"));
            page.clickNode(NGINX);
            browser.waitFor("the panel of nginx", () -> page.panelOpen() ? page.panelTitle() : "", "nginx"::equals);
            page.clickPanelButton("Hide this process");
            page.search("postgres");
            browser.waitFor("the search", page::searchResult, "3 matches"::equals);
            List<String> nodes = page.nodeIds();
            assertThat(nodes).doesNotContain(NGINX, "proc:400", POSTGRES).contains("proc:101", API)
                    .noneMatch(id -> id.startsWith("ext:"));
            URI url = page.url();
            assertThat(url.getFragment()).isNotEmpty();
            View before = View.of(page);
            Map<String, List<Long>> placed = rounded(page.positions(), nodes);

            browser.open(URI.create("about:blank"));
            page.open(url);
            page.awaitSettled();
            browser.waitFor("the search again", page::searchResult, "3 matches"::equals);

            assertThat(View.of(page)).isEqualTo(before);
            assertThat(rounded(page.positions(), nodes)).as("every node where it was").isEqualTo(placed);
            assertThat(page.url()).isEqualTo(url);
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    /** The positions of these nodes to the whole unit, as the page keeps them. */
    private static Map<String, List<Long>> rounded(Map<String, List<Double>> positions, List<String> nodes) {
        Map<String, List<Long>> rounded = new java.util.TreeMap<>();
        nodes.forEach(id -> rounded.put(id, positions.get(id).stream().map(Math::round).toList()));
        return rounded;
    }

    /** What a user sees of the view's settings. */
    private record View(List<String> nodes, Map<String, Boolean> types, Map<Toggle, Boolean> toggles,
                        List<String> hidden, String search, String result, List<String> selected) {
        static View of(LivePage page) {
            Map<Toggle, Boolean> toggles = new java.util.EnumMap<>(Toggle.class);
            for (Toggle toggle : Toggle.values()) {
                toggles.put(toggle, page.checked(toggle));
            }
            return new View(page.nodeIds(), page.typeFilters(), toggles, page.hiddenChips(), page.searchText(),
                    page.searchResult(), page.selectedNodes());
        }
    }

    @Test
    void keysSearchFitAndPause() throws Exception {
        AtomicBoolean late = new AtomicBoolean();
        ScriptedSource source = new ScriptedSource(tick -> {
            TestSnapshots rows = host();
            if (late.get()) {
                rows.process(process(600, 1, "python3", "/usr/bin/python3.11", "python3 worker.py", "alice"))
                        .est(600, "127.0.0.1:41600", "127.0.0.1:8000").est(200, "127.0.0.1:8000", "127.0.0.1:41600");
            }
            return rows.at(tick);
        });
        try (ProcnetServer server = start(source)) {
            page.open(server.url());
            page.awaitSettled();

            page.press("/");
            assertThat(page.searchFocused()).isTrue();
            assertThat(page.searchText()).as("the key is not typed").isEmpty();
            page.type(Keys.ESCAPE);
            assertThat(page.searchFocused()).isFalse();

            page.lookElsewhere();
            assertThat(page.inView(API)).isFalse();
            page.press("f");
            browser.waitFor("every node in view", page::nodeIds, ids -> ids.stream().allMatch(page::inView));

            page.click(Toggle.LISTENERS); // the checkbox has the keyboard now
            page.click(Toggle.LISTENERS);
            page.lookElsewhere();
            page.type("f");
            browser.waitFor("fitted from a checkbox", page::nodeIds, ids -> ids.stream().allMatch(page::inView));
            page.type(Keys.SPACE);
            assertThat(page.checked(Toggle.LISTENERS)).as("space toggles the focused checkbox").isFalse();
            assertThat(page.pauseButton()).as("and does not pause").isEqualTo("Pause");
            page.type(Keys.SPACE);
            assertThat(page.checked(Toggle.LISTENERS)).isTrue();
            page.lookElsewhere();
            page.pressWith(Keys.CONTROL, "f");
            assertThat(page.inView(API)).as("Ctrl+F is the browser's").isFalse();
            page.fit();

            page.press(Keys.SPACE);
            browser.waitFor("paused", page::countsStatus, text -> text.endsWith("· paused"));
            assertThat(page.pauseButton()).isEqualTo("Resume");
            List<String> paused = page.nodeIds();
            late.set(true);
            browser.waitFor("the worker in the page's graph", () -> page.version(),
                    version -> Served.graph(server).nodes().stream().anyMatch(node -> node.id().equals("proc:600"))
                            && version >= Served.graph(server).version());
            assertThat(page.nodeIds()).as("nothing drawn while paused").isEqualTo(paused);
            assertThat(page.countsStatus()).contains("· paused");

            page.press(Keys.SPACE);
            browser.waitFor("the worker drawn", page::nodeIds, ids -> ids.contains("proc:600"));
            assertThat(page.countsStatus()).doesNotContain("paused");
            assertThat(page.pauseButton()).isEqualTo("Pause");
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }
}
