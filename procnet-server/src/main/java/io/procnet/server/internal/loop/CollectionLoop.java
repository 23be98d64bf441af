package io.procnet.server.internal.loop;

import io.procnet.model.CollectionIssue;
import io.procnet.model.Snapshot;
import io.procnet.server.SnapshotSource;
import io.procnet.server.internal.sse.EventHub;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The one thread that owns time: every interval it collects, publishes the next version through
 * the {@link GraphPublisher} and hands the delta to the {@link EventHub}; it also sends the
 * heartbeats. A tick that takes longer than the interval delays the next one, which then starts
 * at once: ticks never pile up. A collection error is logged once, not on every tick it lasts nor
 * on every tick it comes back (a collector that fails every other tick does not fill the log): again
 * only when the error changes or {@link #LOG_AGAIN_AFTER} later; the first good collection after a
 * logged error is logged too. Thread-safe.
 */
public final class CollectionLoop implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("io.procnet.server");
    /** How long the same collection error goes unlogged once logged: long enough for a flapping collector. */
    static final Duration LOG_AGAIN_AFTER = Duration.ofHours(1);

    private final SnapshotSource source;
    private final GraphPublisher publisher;
    private final EventHub hub;
    private final Supplier<List<CollectionIssue>> problems;
    private final long intervalNanos;
    private final Duration heartbeat;
    private final ScheduledExecutorService thread;
    private volatile Health health = Health.NONE;
    private String loggedError;
    private long loggedAt;
    private boolean recoveryUnlogged;

    public CollectionLoop(SnapshotSource source, GraphPublisher publisher, EventHub hub,
                          Supplier<List<CollectionIssue>> problems, Duration interval, Duration heartbeat) {
        this.source = source;
        this.publisher = publisher;
        this.hub = hub;
        this.problems = problems;
        this.intervalNanos = interval.toNanos();
        this.heartbeat = heartbeat;
        this.thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread loop = new Thread(runnable, "procnet-loop");
            loop.setDaemon(true);
            return loop;
        });
    }

    /** Runs the first tick and waits for it, then keeps ticking. */
    public void start() throws InterruptedException {
        try {
            thread.submit(this::tick).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the first tick failed", e.getCause());
        }
        thread.scheduleAtFixedRate(hub::heartbeat, heartbeat.toNanos(), heartbeat.toNanos(), TimeUnit.NANOSECONDS);
    }

    public Health health() {
        return health;
    }

    private void tick() {
        long start = System.nanoTime();
        try {
            collectAndPublish(start);
        } catch (RuntimeException e) { // a bug, not the collector's trouble: keep ticking
            LOG.log(System.Logger.Level.ERROR, "the tick failed", e);
        } finally {
            if (!thread.isShutdown()) {
                long wait = intervalNanos - (System.nanoTime() - start);
                thread.schedule(this::tick, Math.max(0, wait), TimeUnit.NANOSECONDS);
            }
        }
    }

    private void collectAndPublish(long start) {
        Instant startedAt = Instant.now();
        List<CollectionIssue> extra = problems();
        GraphPublisher.Change change;
        long collected;
        String error = null;
        try {
            Snapshot snapshot = source.collect();
            collected = System.nanoTime() - start;
            change = publisher.collected(snapshot, extra);
            if (recoveryUnlogged) {
                LOG.log(System.Logger.Level.INFO, "collection works again");
                recoveryUnlogged = false;
            }
        } catch (Exception | LinkageError e) {
            collected = System.nanoTime() - start;
            error = describe(e);
            long now = System.nanoTime();
            if (!error.equals(loggedError) || now - loggedAt > LOG_AGAIN_AFTER.toNanos()) {
                LOG.log(System.Logger.Level.WARNING, "collection failed, showing the last graph as stale: " + error
                        + " (logged again when the error changes, or in an hour)", e);
                loggedError = error;
                loggedAt = now;
                recoveryUnlogged = true;
            }
            change = publisher.failed(error, extra);
        }
        if (change != null) {
            hub.publish(change, System.nanoTime());
        } else {
            hub.refresh(publisher.current());
        }
        Snapshot snapshot = publisher.current().snapshot();
        health = new Health(startedAt, collected, System.nanoTime() - start,
                snapshot == null ? 0 : snapshot.sockets().size(), error);
    }

    private List<CollectionIssue> problems() {
        try {
            List<CollectionIssue> extra = problems.get();
            return extra == null ? List.of() : List.copyOf(extra);
        } catch (RuntimeException e) {
            return List.of(new CollectionIssue("problems-failed", "the problems supplier failed: " + describe(e), 1));
        }
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    /** Stops ticking and waits for a tick under way to end. */
    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
