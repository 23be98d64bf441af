package io.procnet.internal.graph;

import io.procnet.graph.GroupNode;
import io.procnet.model.ProcessInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The process group of each process of a snapshot: the topmost of its unbroken line of
 * ancestors that run the same program (the same executable where both are known, else the same
 * name), so that postgres backends share their postmaster's group and nginx workers their
 * master's, while two unrelated {@code python3} processes, whose parents are shells, do not. The
 * line follows only parents the snapshot knows, and stops at a parent that started after its child
 * (its pid was reused); in a cycle of reused pids, the lowest pid leads. Group ids are made once
 * per leader. Not thread-safe.
 */
final class ProcessGroups {
    private final Map<Long, String> idsByLeader = new HashMap<>();
    private Map<Long, ProcessInfo> processes = Map.of();
    private final Map<Long, Long> leaders = new HashMap<>();

    /** Starts a snapshot. */
    void use(Map<Long, ProcessInfo> processes) {
        this.processes = processes;
        leaders.clear();
        if (idsByLeader.size() > 4 * processes.size() + 1024) {
            idsByLeader.clear(); // forget the ids of leaders long gone
        }
    }

    /** The group id of {@code process}: {@code group:<leader pid>}. */
    String groupOf(ProcessInfo process) {
        long leader = leaderOf(process);
        return idsByLeader.computeIfAbsent(leader, GroupNode::idOf);
    }

    private long leaderOf(ProcessInfo process) {
        Long known = leaders.get(process.pid());
        if (known != null) {
            return known;
        }
        List<Long> line = new ArrayList<>();
        line.add(process.pid());
        ProcessInfo current = process;
        long leader = process.pid();
        while (true) {
            ProcessInfo parent = current.parentPid() == ProcessInfo.NO_PARENT ? null : processes.get(current.parentPid());
            if (parent == null || !sameProgram(parent, current) || startedAfter(parent, current)) {
                leader = current.pid();
                break;
            }
            Long parentLeader = leaders.get(parent.pid());
            if (parentLeader != null) {
                leader = parentLeader;
                break;
            }
            if (line.contains(parent.pid())) { // a cycle of reused pids: its lowest pid leads, whoever asks
                leader = line.subList(line.indexOf(parent.pid()), line.size()).stream().min(Long::compare).orElseThrow();
                break;
            }
            line.add(parent.pid());
            current = parent;
        }
        for (long pid : line) {
            leaders.put(pid, leader);
        }
        return leader;
    }

    static boolean sameProgram(ProcessInfo a, ProcessInfo b) {
        if (!a.executable().isEmpty() && !b.executable().isEmpty()) {
            return a.executable().equals(b.executable());
        }
        return !a.name().isEmpty() && a.name().equals(b.name());
    }

    private static boolean startedAfter(ProcessInfo parent, ProcessInfo child) {
        return parent.startTime() != null && child.startTime() != null && parent.startTime().isAfter(child.startTime());
    }
}
