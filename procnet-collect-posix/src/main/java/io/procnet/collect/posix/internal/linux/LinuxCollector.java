package io.procnet.collect.posix.internal.linux;

import io.procnet.spi.UnownedSockets;
import io.procnet.model.CollectionIssue;
import io.procnet.model.ProcessInfo;
import io.procnet.model.SocketEntry;
import io.procnet.model.Snapshot;
import io.procnet.spi.CollectorException;
import io.procnet.spi.ConnectionCollector;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Linux collector: the rows of a {@link SocketTable}, their owners from {@link SocketOwners}
 * and the owners' details from {@link ProcessReader}. Not thread-safe.
 */
public final class LinuxCollector implements ConnectionCollector {
    private final String id;
    private final SocketTable table;
    private final SocketOwners owners;
    private final ProcessReader processes;
    private final Clock clock;
    private final boolean privileged;

    /**
     * @param privileged whether this process may read every process's fds (root, or
     *                   CAP_SYS_PTRACE with CAP_DAC_READ_SEARCH); only changes what issues say
     */
    public LinuxCollector(String id, SocketTable table, SocketOwners owners, ProcessReader processes, Clock clock,
                          boolean privileged) {
        this.id = id;
        this.table = table;
        this.owners = owners;
        this.processes = processes;
        this.clock = clock;
        this.privileged = privileged;
    }

    @Override
    public Snapshot collect() throws CollectorException {
        TableRead read = table.read();
        List<RawSocket> rows = read.rows();
        long[] inodes = new long[rows.size()];
        for (int i = 0; i < inodes.length; i++) {
            inodes[i] = rows.get(i).inode();
        }
        long[][] owned = owners.resolve(inodes);
        processes.invalidate(owners.takeRelistedPids());

        List<SocketEntry> sockets = new ArrayList<>(rows.size());
        Map<Long, ProcessInfo> owningProcesses = new HashMap<>();
        int unowned = 0;
        for (int i = 0; i < inodes.length; i++) {
            RawSocket row = rows.get(i);
            long[] pids = owned[i];
            // the lowest pid holding the socket, the same on every walk: for a listener shared by a
            // pre-forking server, usually the master (see SocketOwners.withPid)
            long pid = pids == null ? SocketEntry.NO_PID : pids[0];
            if (pids == null && row.inode() != 0) {
                unowned++;
            }
            if (pids != null) {
                for (long owner : pids) {
                    owningProcesses.computeIfAbsent(owner, processes::read);
                }
            }
            sockets.add(row.withOwner(pid));
        }
        processes.endCollection();
        List<CollectionIssue> issues = new ArrayList<>(read.issues());
        if (unowned > 0) {
            int denied = owners.deniedProcesses();
            String unreadable = denied == 0 ? ""
                    : denied == 1 ? " (one process's open files could not be read)"
                    : " (" + denied + " processes' open files could not be read)";
            issues.add(UnownedSockets.issue(unowned, privileged
                    ? "their processes are outside this pid namespace, refuse access, or closed them while"
                            + " we looked" + unreadable
                    : "run as root (or with CAP_SYS_PTRACE and CAP_DAC_READ_SEARCH) to see the processes of"
                            + " other users" + unreadable));
        }
        return new Snapshot(clock.instant(), id, sockets, owningProcesses, issues);
    }

    @Override
    public void close() {
        table.close();
    }
}
