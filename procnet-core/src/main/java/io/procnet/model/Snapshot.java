package io.procnet.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything one collection saw: the socket table, the processes that own those sockets, and
 * what could not be seen. Immutable and thread-safe.
 *
 * @param takenAt     when the collection finished, by the wall clock: for people to read
 * @param monotonicNanos {@link System#nanoTime()} when the collection finished: the clock that
 *                    traffic rates are measured on, which no clock step or time-zone change moves;
 *                    only the difference between two snapshots of one JVM means anything
 * @param collectorId id of the collector that made it ({@code linux-netlink}, ...)
 * @param sockets     socket rows, in the collector's order
 * @param processes   details of the owning processes, by pid
 * @param issues      what is missing and why; empty when the view is complete
 */
public record Snapshot(Instant takenAt, long monotonicNanos, String collectorId, List<SocketEntry> sockets,
                       Map<Long, ProcessInfo> processes, List<CollectionIssue> issues) {

    public Snapshot {
        Objects.requireNonNull(takenAt, "takenAt");
        Objects.requireNonNull(collectorId, "collectorId");
        sockets = List.copyOf(sockets);
        processes = Map.copyOf(processes);
        issues = List.copyOf(issues);
        for (Map.Entry<Long, ProcessInfo> entry : processes.entrySet()) {
            if (entry.getKey() != entry.getValue().pid()) {
                throw new IllegalArgumentException(
                        "process map key " + entry.getKey() + " holds pid " + entry.getValue().pid());
            }
        }
    }

    /** A snapshot that a collection finished just now: its monotonic time is read here. */
    public Snapshot(Instant takenAt, String collectorId, List<SocketEntry> sockets, Map<Long, ProcessInfo> processes,
                    List<CollectionIssue> issues) {
        this(takenAt, System.nanoTime(), collectorId, sockets, processes, issues);
    }

    /**
     * The process with this pid (>= 0), or {@link ProcessInfo#unknown(long)} when the snapshot has
     * no details. Ask only for owned sockets' pids: {@link SocketEntry#NO_PID} is no process.
     */
    public ProcessInfo process(long pid) {
        ProcessInfo info = processes.get(pid);
        return info != null ? info : ProcessInfo.unknown(pid);
    }
}
