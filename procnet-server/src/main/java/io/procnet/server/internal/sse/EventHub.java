package io.procnet.server.internal.sse;

import io.procnet.server.internal.loop.DeltaHistory;
import io.procnet.server.internal.loop.GraphPublisher;
import io.procnet.server.internal.loop.Published;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where the loop hands out each version and the delta to it, and where clients subscribe. A client
 * is registered in the same step that picks what it is sent first, so between its first event and
 * the next delta it misses nothing. The loop offers each delta's bytes to every client and never
 * waits on one. Thread-safe.
 */
public final class EventHub {
    private static final SseEvent CONNECTED = SseEvent.comment("procnet");
    private static final SseEvent HEARTBEAT = SseEvent.comment("keep-alive");

    private final DeltaHistory history = new DeltaHistory();
    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong endedHighWater = new AtomicLong();
    private volatile Published current;

    public EventHub(Published first) {
        this.current = first;
    }

    /** The version published last. */
    public Published current() {
        return current;
    }

    /** Publishes a new version and sends every client the delta to it. */
    public synchronized void publish(GraphPublisher.Change change, long nanos) {
        history.add(current.version(), change.published().version(), change.delta(), nanos);
        current = change.published();
        for (Subscriber subscriber : subscribers) {
            subscriber.offer(change.delta());
        }
    }

    /** Replaces the current version by the same graph with a newer snapshot behind it. */
    public synchronized void refresh(Published same) {
        current = same;
    }

    /**
     * Starts sending to {@code subscriber}: the deltas it missed since {@code lastEventId} when they
     * are all still here, else the whole graph; then every delta.
     *
     * @param lastEventId the version the client has, or null
     */
    public synchronized void subscribe(Subscriber subscriber, Long lastEventId, long nanos) {
        List<SseEvent> missed = lastEventId == null ? null : history.since(lastEventId, current.version(), nanos);
        List<SseEvent> start = new ArrayList<>();
        start.add(CONNECTED);
        if (missed == null) {
            start.add(current.event());
        } else {
            start.addAll(missed);
        }
        subscriber.start(start);
        // added before the check: a stream that ends in between is removed by one or the other
        subscribers.add(subscriber);
        if (subscriber.isClosed()) {
            subscribers.remove(subscriber);
        }
    }

    /** Forgets a client whose stream ended; {@code fellBehind} when it was cut off. */
    public void unsubscribe(Subscriber subscriber, boolean fellBehind) {
        endedHighWater.accumulateAndGet(subscriber.highWater(), Math::max);
        if (subscribers.remove(subscriber) && fellBehind) {
            dropped.incrementAndGet();
        }
    }

    /** Sends every client a comment, so that proxies do not close an idle stream. */
    public void heartbeat() {
        for (Subscriber subscriber : subscribers) {
            subscriber.offer(HEARTBEAT);
        }
    }

    public int clients() {
        return subscribers.size();
    }

    /** How many clients were cut off because they fell behind. */
    public long dropped() {
        return dropped.get();
    }

    /**
     * The most bytes that were ever queued at once for one client, of the clients here and those
     * gone: what the client buffer bound was held to.
     */
    public long maxQueuedBytes() {
        long max = endedHighWater.get();
        for (Subscriber subscriber : subscribers) {
            max = Math.max(max, subscriber.highWater());
        }
        return max;
    }

    public void closeAll() {
        for (Subscriber subscriber : subscribers) {
            subscriber.close();
        }
    }
}
