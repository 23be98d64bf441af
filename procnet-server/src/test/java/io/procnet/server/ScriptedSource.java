package io.procnet.server;

import io.procnet.model.Snapshot;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * The test seam of the server: tick {@code n} (from 0) yields {@code script.apply(n)}; a script
 * that throws makes that tick a failed collection. {@link #ticks()} says how many were taken.
 */
public final class ScriptedSource implements SnapshotSource {
    private final IntFunction<Snapshot> script;
    private final AtomicInteger ticks = new AtomicInteger();

    public ScriptedSource(IntFunction<Snapshot> script) {
        this.script = script;
    }

    @Override
    public Snapshot collect() {
        return script.apply(ticks.getAndIncrement());
    }

    public int ticks() {
        return ticks.get();
    }
}
