package io.procnet.cli.internal;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import com.beust.jcommander.ParametersDelegate;
import io.procnet.ProcNet;
import io.procnet.cli.internal.Converters.BindPort;
import io.procnet.cli.internal.Converters.Seconds;
import io.procnet.graph.NodeClassifier;
import io.procnet.model.CollectionIssue;
import io.procnet.model.Snapshot;
import io.procnet.rules.ReloadingRules;
import io.procnet.rules.RuleFileException;
import io.procnet.server.ProcnetServer;
import io.procnet.server.SnapshotSource;
import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/** {@code procnet serve}: the live map in the browser, until Ctrl-C. */
@Parameters(commandDescription = "Serve the live map of this machine (the default command)")
final class ServeCommand extends Command {
    /** The issue code under which a rule file's error reaches the page. */
    static final String RULE_FILE_ISSUE = "rule-file";

    @Parameter(names = "--port", converter = BindPort.class, placeholder = "N", description = "HTTP port; 0 takes a free one", order = 1)
    int port = ProcnetServer.DEFAULT_PORT;

    @Parameter(names = "--interval", converter = Seconds.class, placeholder = "SECONDS", defaultValueDescription = "1.0",
            description = "Seconds between collections", order = 2)
    Duration interval = ProcnetServer.DEFAULT_INTERVAL;

    @Parameter(names = "--host", placeholder = "ADDRESS", description = "Address to bind; anything but loopback needs a token", order = 3)
    String host = "127.0.0.1";

    @Parameter(names = "--token", placeholder = "TOKEN", description = "Token every request must carry (generated when --host is not loopback)",
            order = 4)
    String token;

    @Parameter(names = "--icons-dir", placeholder = "DIR", description = "Directory of PNG icons by type (app.png, database.png, ...),"
            + " before the built-in ones", order = 5)
    String iconsDir;

    @Parameter(names = "--vendor-dir", placeholder = "DIR", description = "Directory written by 'procnet vendor', served before the bundled"
            + " vis-network", order = 6)
    String vendorDir;

    @Parameter(names = "--open", description = "Open the map in the browser", order = 7)
    boolean open;

    @ParametersDelegate
    final SourceOptions source = new SourceOptions();

    @Override
    int run(Terminal terminal) throws UsageException, FailureException, InterruptedException {
        Path icons = Directories.existing("--icons-dir", iconsDir);
        Path vendor = vendorDir != null ? Directories.existing("--vendor-dir", vendorDir) : writtenByVendor();
        List<AutoCloseable> resources = new ArrayList<>();
        try {
            ReloadingRules rules = watchRules();
            if (rules != null) {
                resources.add(rules);
            }
            ProcNet procnet = source.openCollector();
            resources.add(0, procnet);
            AtomicReference<List<CollectionIssue>> firstIssues = new AtomicReference<>(List.of());
            ProcnetServer server = start(keepingFirstIssues(procnet::snapshot, firstIssues),
                    rules != null ? rules : source.builtInRules(), problemsOf(rules), icons, vendor);
            resources.add(0, server);
            PrintStream out = terminal.out();
            out.println("Procnet live map: " + server.url());
            out.println("collector: " + procnet.collectorId());
            if (rules != null) {
                out.println("rules: " + rules.file() + " (reloaded when it changes)"
                        + (source.noDefaultRules ? "" : ", then the built-in rules"));
            }
            for (CollectionIssue issue : firstIssues.get()) {
                if (issue.code().equals(CollectionIssue.UNOWNED_SOCKETS)) {
                    out.println("note: " + issue.message());
                }
            }
            out.println("Ctrl-C stops it.");
            out.flush();
            if (open) {
                Browser.open(server.url(), terminal);
            }
            return untilStopped(terminal, resources);
        } finally {
            closeAll(resources);
        }
    }

    /** The directory {@code procnet vendor} writes by default, when it has written one. */
    private static Path writtenByVendor() {
        Path dir = Home.vendorDirectory();
        return Files.isRegularFile(dir.resolve("manifest.json")) ? dir : null;
    }

    /** The user's rules, followed by the built-in ones and reloaded when the file changes; null without --rules. */
    private ReloadingRules watchRules() throws UsageException {
        Path file = source.ruleFile();
        if (file == null) {
            return null;
        }
        try {
            return ReloadingRules.watch(file, source.builtInRules());
        } catch (RuleFileException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }

    private ProcnetServer start(SnapshotSource snapshots, NodeClassifier classifier,
                                Supplier<List<CollectionIssue>> problems, Path icons, Path vendor)
            throws UsageException, FailureException {
        try {
            return ProcnetServer.builder()
                    .source(snapshots)
                    .classifier(classifier)
                    .graphOptions(source.graphOptions())
                    .interval(interval)
                    .host(host)
                    .port(port)
                    .token(token)
                    .iconsDir(icons)
                    .vendorDir(vendor)
                    .problems(problems)
                    .start();
        } catch (UnknownHostException e) {
            throw new UsageException("--host '" + host + "': no such address on this machine", e);
        } catch (BindException e) {
            throw new FailureException(e.getMessage() + "; choose another with --port", e);
        } catch (IOException e) {
            throw new FailureException("cannot start the server: " + e.getMessage(), e);
        }
    }

    /** The rule file's error, when the last edit broke it, as an issue the page shows. */
    private static Supplier<List<CollectionIssue>> problemsOf(ReloadingRules rules) {
        if (rules == null) {
            return List::of;
        }
        return () -> rules.problem()
                .map(problem -> List.of(new CollectionIssue(RULE_FILE_ISSUE, problem.getMessage(), 0)))
                .orElse(List.of());
    }

    /** A source that keeps what the first snapshot could not see (the owners of other users' sockets). */
    private static SnapshotSource keepingFirstIssues(SnapshotSource source, AtomicReference<List<CollectionIssue>> first) {
        AtomicBoolean collected = new AtomicBoolean();
        return () -> {
            Snapshot snapshot = source.collect();
            if (!collected.getAndSet(true)) {
                first.set(snapshot.issues());
            }
            return snapshot;
        };
    }

    private static int untilStopped(Terminal terminal, List<AutoCloseable> resources) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            terminal.say("stopping");
            closeAll(resources);
            stopped.countDown();
        }, "procnet-stop"));
        stopped.await();
        return 0;
    }

    private static void closeAll(List<AutoCloseable> resources) {
        synchronized (resources) {
            for (AutoCloseable resource : resources) {
                try {
                    resource.close();
                } catch (Exception e) {
                    // closing on the way out: nothing left to tell the user about
                }
            }
            resources.clear();
        }
    }
}
