package io.procnet.internal.graph;

import io.procnet.graph.ProcessNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Process node ids by pid, kept from snapshot to snapshot, so that an id is made once per
 * process and edge keys compare ids by identity. Also lists the pids a snapshot used.
 */
final class ProcessIds {
    /** Keep forgotten pids until they are this many more than the live ones. */
    private static final int SLACK = 1024;

    private LongIndex index = new LongIndex(256);
    private List<String> ids = new ArrayList<>();
    private List<Long> lastRound = new ArrayList<>();
    private final List<Long> usedPids = new ArrayList<>();
    private long round;

    /** Starts a new snapshot: no pid is used yet. */
    void startRound(long round) {
        this.round = round;
        usedPids.clear();
    }

    /** The node id of {@code pid}, marked as used by this snapshot. */
    String idOf(long pid) {
        int position = index.get(pid);
        if (position < 0) {
            position = ids.size();
            index.put(pid, position);
            ids.add(ProcessNode.idOf(pid));
            lastRound.add(-1L);
        }
        if (lastRound.get(position) != round) {
            lastRound.set(position, round);
            usedPids.add(pid);
        }
        return ids.get(position);
    }

    /** The pids this snapshot used, in first-use order. */
    List<Long> usedPids() {
        return usedPids;
    }

    /** Forgets pids no longer used once they pile up. */
    void endRound() {
        if (ids.size() <= usedPids.size() + SLACK) {
            return;
        }
        LongIndex kept = new LongIndex(usedPids.size());
        List<String> keptIds = new ArrayList<>(usedPids.size());
        List<Long> keptRounds = new ArrayList<>(usedPids.size());
        for (long pid : usedPids) {
            kept.put(pid, keptIds.size());
            keptIds.add(ids.get(index.get(pid)));
            keptRounds.add(round);
        }
        index = kept;
        ids = keptIds;
        lastRound = keptRounds;
    }
}
