package io.procnet.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.procnet.server.Await;
import io.procnet.server.ChangingScript;
import io.procnet.server.ProcnetServer;
import io.procnet.server.RawHttp;
import io.procnet.server.ScriptedSource;
import io.procnet.server.TestServers;
import io.procnet.server.TestSnapshots;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The live page in a real headless Chromium against a real server whose script changes over the
 * ticks: it shows the graph, follows it as it changes, writes no error to the console, and shows
 * hostile process names and command lines as text without running them, on the canvas, in the
 * tooltips, in the search and in the panel. One browser serves the whole class; each
 * test has a server of its own. What the page shows is read through {@link LivePage}.
 */
@BrowserTest
class PageBrowserTest extends OneBrowser {
    /** Fast ticks, so that a change reaches the page in a few hundred milliseconds. */
    private static final long INTERVAL_MILLIS = 100;
    /** Where the screenshots go, for a person to look at. */
    private static final Path SCREENSHOTS = Path.of("target", "browser");
    /**
     * Process names that run script wherever a page turns text into HTML: an event handler, a
     * closed attribute and a script element, and one that leaves a trace without a dialog.
     */
    private static final List<String> HOSTILE = List.of("<img src=x onerror=alert(1)>",
            "\"><script>alert(2)</script>", "<img src=x onerror=\"window.__pwned=1\">",
            "<svg onload=\"window.__pwned=2\"></svg>");

    @Test
    void showsTheNodesAndANodeThatAppearsLater() throws Exception {
        AtomicInteger lateFrom = new AtomicInteger(Integer.MAX_VALUE);
        ScriptedSource source = new ScriptedSource(tick -> {
            TestSnapshots rows = new TestSnapshots()
                    .process(10, "postgres", "postgres -D /var/lib/postgresql")
                    .process(20, "api", "api --port 8080")
                    .listen(10, "0.0.0.0:5432")
                    .est(20, "127.0.0.1:40000", "127.0.0.1:5432").est(10, "127.0.0.1:5432", "127.0.0.1:40000");
            if (tick >= lateFrom.get()) {
                rows.process(30, "late-worker", "late-worker --queue jobs")
                        .est(30, "127.0.0.1:40001", "127.0.0.1:5432").est(10, "127.0.0.1:5432", "127.0.0.1:40001");
            }
            return rows.at(tick);
        });
        try (ProcnetServer server = TestServers.start(source, INTERVAL_MILLIS)) {
            browser.open(server.url());
            browser.waitFor("postgres and api on the page", page::nodeLabels,
                    labels -> labels.containsAll(List.of("postgres", "api")));
            assertThat(page.nodeLabels()).doesNotContain("late-worker");

            lateFrom.set(source.ticks() + 3);
            browser.waitFor("late-worker on the page, 3 ticks on", page::nodeLabels,
                    labels -> labels.contains("late-worker"));
            assertThat(page.nodeLabels()).contains("postgres", "api");
            browser.screenshot(SCREENSHOTS.resolve("page-nodes.png"));
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    @Test
    void endsOnTheServersGraphAfterManyChanges() throws Exception {
        int changes = 15;
        ScriptedSource source = new ScriptedSource(new ChangingScript(7, changes));
        try (ProcnetServer server = TestServers.start(source, INTERVAL_MILLIS)) {
            browser.open(server.url());
            Await.ticks(source, changes + 2);
            List<String> expected = sorted(serverLabels(server));
            browser.waitFor("the server's nodes on the page " + expected, () -> sorted(page.nodeLabels()),
                    expected::equals);
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    @Test
    void hostileNamesAreShownAsTextAndRunNothing() throws Exception {
        ScriptedSource source = new ScriptedSource(tick -> {
            TestSnapshots rows = new TestSnapshots().listen(10, "0.0.0.0:5432");
            for (int i = 0; i < HOSTILE.size(); i++) {
                rows.process(40 + i, HOSTILE.get(i), HOSTILE.get(i) + " --config " + HOSTILE.get(i))
                        .est(40 + i, "127.0.0.1:" + (41000 + i), "127.0.0.1:5432");
            }
            return rows.at(tick);
        });
        // the page must be safe by the way it builds its DOM, not only because the server's policy
        // forbids inline script: without the policy, a name parsed as HTML would run
        browser.bypassContentSecurityPolicy(true);
        try (ProcnetServer server = TestServers.start(source, INTERVAL_MILLIS)) {
            browser.open(server.url());
            browser.waitFor("the hostile names on the page", page::nodeLabels, labels -> labels.containsAll(HOSTILE));
            page.awaitSettled();
            browser.settle();

            assertThat(browser.dialog()).as("a dialog opened by a name").isEmpty();
            assertThat(page.pwned()).as("script of a name ran").isFalse();
            // vis-network shows a string title as text, an element as itself
            assertThat(page.titleKinds()).isNotEmpty().allSatisfy((id, kind) -> assertThat(kind).as(id).isEqualTo("string"));
            for (int i = 0; i < HOSTILE.size(); i++) {
                String name = HOSTILE.get(i);
                String id = "proc:" + (40 + i);
                String commandLine = name + " --config " + name;
                assertThat(page.drawnLabel(id)).isEqualTo(name + "\npid " + (40 + i));

                WebElement tooltip = page.hover(id).orElseThrow();
                assertThat(tooltip.getText()).contains(name + " (pid " + (40 + i) + ", app)")
                        .contains("command: " + commandLine);
                // vis-network sets a string title as innerText, whose line breaks become <br>
                assertThat(tooltip.findElements(By.xpath(".//*[not(self::br)]"))).as("elements in the tooltip").isEmpty();

                page.search(name);
                browser.waitFor("the search for " + name, page::searchResult, "1 match"::equals);
                assertThat(page.selectedNodes()).containsExactly(id);

                page.openDetails(name);
                browser.waitFor("the details of " + name, page::visibleText, text -> text.contains("1 socket"));
                assertThat(page.panelTitle()).isEqualTo(name);
                assertThat(page.panelFacts()).containsEntry("name", name).containsEntry("command line", commandLine);
                assertThat(page.panelForeignElements()).as("elements a name made in the panel").isZero();
            }
            browser.settle();
            browser.screenshot(SCREENSHOTS.resolve("page-hostile-names.png"));
            assertThat(browser.dialog()).as("a dialog opened by a name").isEmpty();
            assertThat(page.pwned()).as("script of a name ran").isFalse();
            assertThat(browser.consoleErrors()).isEmpty();
        } finally {
            browser.bypassContentSecurityPolicy(false);
        }
    }

    /** The control of the test above: on this page and server, a name parsed as HTML does run. */
    @Test
    void aNameParsedAsHtmlWouldBeCaught() throws Exception {
        ScriptedSource source = new ScriptedSource(tick -> new TestSnapshots().listen(10, "0.0.0.0:5432").at(tick));
        browser.bypassContentSecurityPolicy(true);
        try (ProcnetServer server = TestServers.start(source, INTERVAL_MILLIS)) {
            browser.open(server.url());
            browser.script(Object.class, "document.body.insertAdjacentHTML('beforeend', arguments[0])", HOSTILE.get(2));
            browser.settle();
            assertThat(page.pwned()).isTrue();
        } finally {
            browser.bypassContentSecurityPolicy(false);
        }
    }

    private static List<String> serverLabels(ProcnetServer server) throws IOException {
        JsonNode graph = new ObjectMapper().readTree(RawHttp.get(server.address(), "/api/graph").body());
        return graph.get("nodes").findValuesAsText("label");
    }

    private static List<String> sorted(List<String> labels) {
        List<String> sorted = new ArrayList<>(labels);
        sorted.sort(null);
        return sorted;
    }
}
