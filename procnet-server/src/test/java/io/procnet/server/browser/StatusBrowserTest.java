package io.procnet.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.procnet.model.CollectionIssue;
import io.procnet.model.Snapshot;
import io.procnet.server.ProcnetServer;
import io.procnet.server.ScriptedSource;
import io.procnet.server.TestServers;
import io.procnet.server.TestSnapshots;
import io.procnet.server.browser.LivePage.Toggle;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The status bar: the stream, the collector, the counts, the stale marker and the issues; and the
 * stream's reconnecting to a server started again on the same port. One browser for the class.
 */
@BrowserTest
class StatusBrowserTest extends OneBrowser {
    private static final long INTERVAL_MILLIS = 100;
    private static final String LIVE = "live";
    private static final String RECONNECTING = "connection lost, reconnecting…";
    private static final String UNOWNED = "3 sockets without owner: run as root to see every owner";
    private static final String RULE_ERROR = "rules.yaml:12:5: unknown key 'tpye' in rule 1; did you mean 'type'?";
    private static final String FAILURE = "netlink dump interrupted: ENOBUFS";

    /** postgres serving api, api calling a remote: 3 nodes, 2 edges. */
    private static TestSnapshots host() {
        return new TestSnapshots()
                .process(10, "postgres", "postgres -D /var/lib/postgresql")
                .process(20, "api", "api --port 8080")
                .listen(10, "0.0.0.0:5432")
                .est(20, "127.0.0.1:40000", "127.0.0.1:5432").est(10, "127.0.0.1:5432", "127.0.0.1:40000")
                .est(20, "10.0.0.5:40001", "93.184.216.34:443");
    }

    @Test
    void showsTheCollectorTheCountsCoverageAndARuleFileError() throws Exception {
        ScriptedSource source = new ScriptedSource(tick -> withIssues(host().at(tick),
                new CollectionIssue(CollectionIssue.UNOWNED_SOCKETS, UNOWNED, 3)));
        AtomicBoolean problemsFail = new AtomicBoolean();
        try (ProcnetServer server = TestServers.builder(source, INTERVAL_MILLIS).problems(() -> {
            if (problemsFail.get()) {
                throw new IllegalStateException("rule watcher gone");
            }
            return List.of(new CollectionIssue("rule-file", RULE_ERROR, 0));
        }).start()) {
            page.open(server.url());
            browser.waitFor("the issues", page::issues, issues -> issues.size() == 2);

            assertThat(page.streamStatus()).isEqualTo(LIVE);
            assertThat(page.collectorStatus()).isEqualTo("scripted");
            assertThat(page.countsStatus()).isEqualTo("3 nodes, 2 edges (3 and 2 shown)");
            assertThat(page.staleShown()).isFalse();
            assertThat(page.issues()).containsExactly(
                    new LivePage.Issue("coverage: " + UNOWNED, CollectionIssue.UNOWNED_SOCKETS, false),
                    new LivePage.Issue(RULE_ERROR, "rule-file", true));

            page.click(Toggle.REMOTE);
            browser.waitFor("the counts of what is shown", page::countsStatus,
                    "3 nodes, 2 edges (2 and 1 shown)"::equals);

            problemsFail.set(true);
            browser.waitFor("the supplier's failure", page::issues,
                    issues -> issues.stream().anyMatch(issue -> issue.code().equals("problems-failed")));
            assertThat(page.issues()).filteredOn(issue -> issue.code().equals("problems-failed"))
                    .singleElement().extracting(LivePage.Issue::error).isEqualTo(true);
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    @Test
    void aFailingCollectionMarksTheGraphStaleUntilOneWorks() throws Exception {
        AtomicBoolean failing = new AtomicBoolean();
        ScriptedSource source = new ScriptedSource(tick -> {
            if (failing.get()) {
                throw new IllegalStateException(FAILURE);
            }
            return host().at(tick);
        });
        try (ProcnetServer server = TestServers.start(source, INTERVAL_MILLIS)) {
            page.open(server.url());
            assertThat(page.staleShown()).isFalse();
            List<String> nodes = page.nodeIds();

            failing.set(true);
            browser.waitUntil("the stale marker", page::staleShown);
            assertThat(page.issues()).containsExactly(new LivePage.Issue(FAILURE, "collection-failed", true));
            assertThat(page.nodeIds()).as("the last graph stays").isEqualTo(nodes);
            assertThat(page.streamStatus()).isEqualTo(LIVE);

            failing.set(false);
            browser.waitUntil("no stale marker", () -> !page.staleShown());
            assertThat(page.issues()).isEmpty();
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    @Test
    void reconnectsToTheServerStartedAgainOnTheSamePort() throws Exception {
        ProcnetServer first = TestServers.start(new ScriptedSource(tick -> host().at(tick)), INTERVAL_MILLIS);
        int port = first.address().getPort();
        ScriptedSource again = new ScriptedSource(tick -> new TestSnapshots()
                .process(30, "redis-server", "redis-server *:6379")
                .process(40, "worker", "worker --queue jobs")
                .listen(30, "0.0.0.0:6379")
                .est(40, "127.0.0.1:40100", "127.0.0.1:6379").est(30, "127.0.0.1:6379", "127.0.0.1:40100")
                .at(tick));
        try {
            page.open(first.url());
            browser.waitFor("live", page::streamStatus, LIVE::equals);
            assertThat(page.nodeLabels()).containsExactlyInAnyOrder("postgres", "api", "93.184.216.34");

            first.close();
            browser.waitFor("the page saying it reconnects", page::streamStatus, RECONNECTING::equals);
            first = TestServers.builder(again, INTERVAL_MILLIS).port(port).start();
            browser.waitFor("the new server's graph", page::nodeLabels,
                    labels -> labels.size() == 2 && labels.containsAll(List.of("redis-server", "worker")));
            assertThat(page.streamStatus()).isEqualTo(LIVE);
            assertThat(page.version()).isEqualTo(Served.graph(first).version());
            assertThat(browser.consoleErrors()).allSatisfy(error -> assertThat(error.text())
                    .as("only the failed connections").contains("/api/events"));
        } finally {
            first.close();
        }
    }

    private static Snapshot withIssues(Snapshot snapshot, CollectionIssue... issues) {
        return new Snapshot(snapshot.takenAt(), snapshot.monotonicNanos(), snapshot.collectorId(), snapshot.sockets(),
                snapshot.processes(), List.of(issues));
    }
}
