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
 */
public final class ClassificationCache {
    /** Entries kept at most; past it the cache starts afresh, which drops the processes that exited. */
    static final int MAX_ENTRIES = 65_536;

    private final Map<Key, NodeClassification> entries = new ConcurrentHashMap<>();

    private record Key(ProcessInfo process, List<Integer> ports) {
    }

    /** The classification of the process with these ports (an empty list when no rule looks at ports). */
    public NodeClassification get(ProcessInfo process, List<Integer> ports, Supplier<NodeClassification> classify) {
        Key key = new Key(process, ports);
        NodeClassification known = entries.get(key);
        if (known != null) {
            return known;
        }
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        NodeClassification classification = classify.get();
        entries.put(key, classification);
        return classification;
    }

    /** How many classifications are kept. */
    public int size() {
        return entries.size();
    }
}
