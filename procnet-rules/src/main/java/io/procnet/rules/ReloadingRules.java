package io.procnet.rules;

import io.procnet.graph.NodeClassification;
import io.procnet.graph.NodeClassifier;
import io.procnet.model.ProcessInfo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The rules of a file that may be edited while Procnet runs: the file is read every
 * {@link #DEFAULT_POLL}, and new content is put in force once two reads in a row find it the
 * same (so a half-written file is not), well within two seconds. An edit that breaks
 * the file keeps the last good rules in force, and its error is logged and given by
 * {@link #problem()} until the file is fixed. Thread-safe; {@link #close()} stops watching.
 *
 * <p>The file is polled rather than watched with a {@code WatchService}, which on macOS polls
 * every few seconds anyway and on Linux misses editors that save by renaming a new file over
 * the old one; reading a small file twice a second costs nothing.
 */
public final class ReloadingRules implements NodeClassifier, AutoCloseable {
    /** How often the file is read to see whether it changed. */
    public static final Duration DEFAULT_POLL = Duration.ofMillis(500);
    private static final System.Logger LOG = System.getLogger("io.procnet.rules");

    private final Path file;
    private final RuleSet after;
    private final ScheduledExecutorService poller;
    private volatile RuleSet current;
    private volatile RuleFileException problem;
    /** The file's text whose rules are in force, and the last text that failed, if any; poller thread only. */
    private String goodText;
    private String badText;
    /** A new text read once: it is used once a second read finds it unchanged, not half-written. */
    private String unsettledText;

    private ReloadingRules(Path file, RuleSet after, String text, RuleSet fileRules, Duration poll) {
        this.file = file;
        this.after = after;
        this.goodText = text;
        this.current = fileRules.followedBy(after);
        this.poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "procnet-rules-reload");
            thread.setDaemon(true);
            return thread;
        });
        poller.scheduleWithFixedDelay(this::checkForChanges, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Watches {@code file}, whose rules come before {@code after} (usually {@link RuleSet#defaults()}
     * or {@link RuleSet#empty()}).
     *
     * @throws RuleFileException when the file cannot be used at the start: there are no last good
     *                           rules to keep yet
     */
    public static ReloadingRules watch(Path file, RuleSet after) throws RuleFileException {
        return watch(file, after, DEFAULT_POLL);
    }

    /** {@link #watch(Path, RuleSet)}, reading the file every {@code poll}. */
    public static ReloadingRules watch(Path file, RuleSet after, Duration poll) throws RuleFileException {
        Objects.requireNonNull(after, "after");
        if (poll.isNegative() || poll.isZero()) {
            throw new IllegalArgumentException("poll interval must be positive: " + poll);
        }
        String text = RuleFiles.read(file);
        return new ReloadingRules(file, after, text, RuleSet.parse(text, file.toString()), poll);
    }

    /** The rules in force: the file's last good rules, then the ones after them. */
    public RuleSet current() {
        return current;
    }

    /** Why the file's current content is not in force, or empty when it is. */
    public Optional<RuleFileException> problem() {
        return Optional.ofNullable(problem);
    }

    /** The file watched. */
    public Path file() {
        return file;
    }

    @Override
    public NodeClassification classify(ProcessInfo process, Set<Integer> listeningPorts) {
        return current.classify(process, listeningPorts);
    }

    /** Reads the file and puts its rules in force if its content changed; runs on the poller thread. */
    private void checkForChanges() {
        try {
            String text;
            try {
                text = RuleFiles.read(file);
            } catch (RuleFileException e) {
                badText = null; // whatever comes back is read afresh
                report(e);
                return;
            }
            if (text.equals(goodText)) {
                if (problem != null) {
                    problem = null;
                    badText = null;
                    LOG.log(System.Logger.Level.INFO, file + ": back to the rules in force");
                }
                return;
            }
            if (text.equals(badText)) {
                return; // reported already
            }
            if (!text.equals(unsettledText)) {
                unsettledText = text; // an editor writing in place may not be done yet
                return;
            }
            try {
                current = RuleSet.parse(text, file.toString()).followedBy(after);
                goodText = text;
                badText = null;
                problem = null;
                LOG.log(System.Logger.Level.INFO, file + ": reloaded, " + current.size() + " rules in force");
            } catch (RuleFileException e) {
                badText = text;
                report(e);
            }
        } catch (RuntimeException | StackOverflowError e) {
            // a bug, or a regex too deep to compile: an escaping throwable would end the polling
            LOG.log(System.Logger.Level.ERROR, file + ": reloading failed", e);
        }
    }

    /** Keeps the last good rules and makes the problem known, logging each distinct problem once. */
    private void report(RuleFileException e) {
        if (problem == null || !problem.getMessage().equals(e.getMessage())) {
            LOG.log(System.Logger.Level.WARNING, e.getMessage() + " (the last good rules stay in force)");
        }
        problem = e;
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }
}
