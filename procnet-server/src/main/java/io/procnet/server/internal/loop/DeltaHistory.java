package io.procnet.server.internal.loop;

import io.procnet.server.internal.sse.SseEvent;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The last delta events, for clients that reconnect with {@code Last-Event-ID}: at most
 * {@value #MAX_EVENTS} of them, none older than {@link #MAX_AGE}, and no more than
 * {@value #MAX_BYTES} bytes in all (a reconnecting client past those gets the whole graph, which
 * is then cheaper than the deltas). Thread-safe.
 */
public final class DeltaHistory {
    static final int MAX_EVENTS = 64;
    static final Duration MAX_AGE = Duration.ofMinutes(2);
    static final long MAX_BYTES = 16L * 1024 * 1024;

    private final ArrayDeque<Entry> entries = new ArrayDeque<>();
    private long bytes;

    /** Keeps the delta from {@code from} to {@code to}, made at {@code nanos} (System.nanoTime). */
    public synchronized void add(long from, long to, SseEvent event, long nanos) {
        entries.addLast(new Entry(from, to, event, nanos));
        bytes += event.bytes().length;
        // a delta larger than MAX_BYTES on its own pushes out everything, itself too
        while (!entries.isEmpty() && (entries.size() > MAX_EVENTS || bytes > MAX_BYTES
                || nanos - entries.peekFirst().nanos > MAX_AGE.toNanos())) {
            bytes -= entries.removeFirst().event.bytes().length;
        }
    }

    /**
     * The deltas that lead from {@code version} to {@code current}, in order; empty when the client
     * is up to date, null when they are no longer all here (or {@code version} was never ours).
     */
    public synchronized List<SseEvent> since(long version, long current, long nanos) {
        if (version == current) {
            return List.of();
        }
        List<SseEvent> missed = null;
        long reached = version;
        for (Iterator<Entry> it = entries.iterator(); it.hasNext(); ) {
            Entry entry = it.next();
            if (nanos - entry.nanos > MAX_AGE.toNanos()) {
                continue;
            }
            if (missed == null && entry.from == version) {
                missed = new ArrayList<>();
            }
            if (missed != null) {
                if (entry.from != reached) {
                    return null; // a gap: applied in order, these would not lead to current
                }
                missed.add(entry.event);
                reached = entry.to;
                if (entry.to == current) {
                    return missed;
                }
            }
        }
        return null;
    }

    private record Entry(long from, long to, SseEvent event, long nanos) {
    }
}
