package io.procnet.spi;

import io.procnet.model.Endpoint;
import io.procnet.model.ProcessInfo;
import io.procnet.model.Protocol;
import io.procnet.model.SocketEntry;
import io.procnet.model.SocketState;
import io.procnet.model.Snapshot;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** The test seam of the SPI: a provider whose collector returns scripted snapshots. */
public class ScriptedProvider implements CollectorProvider {
    private final String id;
    private final int priority;
    private final Availability availability;
    private final Deque<Snapshot> script = new ArrayDeque<>();
    final AtomicInteger closed = new AtomicInteger();
    CollectorOptions createdWith;

    ScriptedProvider(String id, int priority, Availability availability) {
        this.id = id;
        this.priority = priority;
        this.availability = availability;
    }

    static ScriptedProvider available(String id, int priority) {
        return new ScriptedProvider(id, priority, Availability.available("scripted"));
    }

    static ScriptedProvider unavailable(String id, int priority, String reason) {
        return new ScriptedProvider(id, priority, Availability.unavailable(reason));
    }

    ScriptedProvider then(Snapshot snapshot) {
        script.add(snapshot);
        return this;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public int priority() {
        return priority;
    }

    @Override
    public Availability availability() {
        return availability;
    }

    @Override
    public ConnectionCollector create(CollectorOptions options) {
        createdWith = options;
        return new ConnectionCollector() {
            @Override
            public Snapshot collect() throws CollectorException {
                Snapshot next = script.poll();
                if (next == null) {
                    throw new CollectorException("script of " + id + " is used up");
                }
                return next;
            }

            @Override
            public void close() {
                closed.incrementAndGet();
            }
        };
    }

    /** An empty snapshot from this provider. */
    Snapshot emptySnapshot() {
        return new Snapshot(Instant.EPOCH, id, List.of(), Map.of(), List.of());
    }

    /** Found through META-INF/services of the test class path: available, low priority, one listener. */
    public static class Discoverable extends ScriptedProvider {
        public Discoverable() {
            super("test-discoverable", 1, Availability.available("always"));
        }

        @Override
        public ConnectionCollector create(CollectorOptions options) {
            return () -> new Snapshot(Instant.now(), id(), List.of(
                    new SocketEntry(Protocol.TCP, Endpoint.of("0.0.0.0", 5432), null, SocketState.LISTEN, 7, 1, null),
                    new SocketEntry(Protocol.TCP, Endpoint.of("127.0.0.1", 40000), Endpoint.of("127.0.0.1", 5432),
                            SocketState.TIME_WAIT, SocketEntry.NO_PID, 0, null)),
                    Map.of(7L, new ProcessInfo(7, "postgres", "postgres -D /data", "postgres", Instant.EPOCH)),
                    List.of());
        }
    }

    /** Found through META-INF/services: the best priority, but unavailable. */
    public static class DiscoverableButUnavailable extends ScriptedProvider {
        public DiscoverableButUnavailable() {
            super("test-unavailable", 99, Availability.unavailable("not this OS"));
        }
    }

    /** Listed in META-INF/services, but its constructor throws. */
    public static class BrokenConstructor extends ScriptedProvider {
        public BrokenConstructor() {
            super("never", 0, Availability.available("never"));
            throw new IllegalStateException("constructor exploded");
        }
    }
}
