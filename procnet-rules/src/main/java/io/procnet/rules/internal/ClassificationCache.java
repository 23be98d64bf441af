package io.procnet.rules.internal;

import io.procnet.graph.NodeClassification;
import io.procnet.model.ProcessInfo;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The classifications one rule set gave, per process: a {@link ProcessInfo} is a pid and its
 * start time (a reused pid is another key) with the name and command line, which an exec
 * changes. Where the rules look at listening ports, the ports are part of the key too.
 * Thread-safe.
 *
 * <p>Bounded by generations: when the current generation holds {@link #MAX_ENTRIES} entries or
 * {@link #MAX_CHARACTERS} characters of command lines, it becomes the old one and the one before
 * is dropped. A process asked for again moves into the current generation, so the processes
 * that exited go, and the live ones stay.
 */
public final class ClassificationCache {
    static final int MAX_ENTRIES = 32_768;
    /** Java command lines with expanded class paths run to 100 KB: bound the memory, not only the count. */
    static final long MAX_CHARACTERS = 8L * 1024 * 1024;

    private volatile Generation current = new Generation();
    private volatile Generation old = new Generation();

    private record Key(ProcessInfo process, List<Integer> ports) {
    }

    private static final class Generation {
        final Map<Key, NodeClassification> entries = new ConcurrentHashMap<>();
        volatile long characters;
    }

    /** The classification of the process with these ports (an empty list when no rule looks at ports). */
    public NodeClassification get(ProcessInfo process, List<Integer> ports, Supplier<NodeClassification> classify) {
        Key key = new Key(process, ports);
        Generation now = current;
        NodeClassification known = now.entries.get(key);
        if (known != null) {
            return known;
        }
        NodeClassification classification = old.entries.get(key);
        if (classification == null) {
            classification = classify.get();
        }
        if (now.entries.size() >= MAX_ENTRIES || now.characters >= MAX_CHARACTERS) {
            startGeneration(now);
            now = current;
        }
        now.entries.put(key, classification);
        now.characters += process.commandLine().length(); // a race may lose a few: the bound is approximate
        return classification;
    }

    private synchronized void startGeneration(Generation full) {
        if (current == full) {
            old = full;
            current = new Generation();
        }
    }

    /** How many classifications are kept in the current generation. */
    public int size() {
        return current.entries.size();
    }
}
