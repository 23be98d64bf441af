package io.procnet.collect.windows.internal;

import io.procnet.spi.AddressCache;
import com.sun.jna.Memory;
import io.procnet.collect.windows.internal.IpHelperTables.Table;
import io.procnet.collect.windows.internal.Win32.IpHlpApi;
import io.procnet.model.CollectionIssue;
import io.procnet.model.ProcessInfo;
import io.procnet.model.Protocol;
import io.procnet.model.Snapshot;
import io.procnet.model.SocketEntry;
import io.procnet.spi.CollectorException;
import io.procnet.spi.CollectorOptions;
import io.procnet.spi.ConnectionCollector;
import io.procnet.spi.UnownedSockets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Windows collector: the four owner-pid tables of the IP Helper API, each socket with its
 * owning pid, and the owners' details and hosted services. Not thread-safe.
 */
final class WindowsIpHelperCollector implements ConnectionCollector {
    static final String ID = "windows-iphlpapi";

    private final CollectorOptions options;
    private final Map<Table, SizedCall> calls = new EnumMap<>(Table.class);
    private final WindowsProcesses processes = new WindowsProcesses();
    private final WindowsServices services = new WindowsServices(System::nanoTime);
    private final AddressCache addresses = new AddressCache();
    private final Clock clock = Clock.systemUTC();

    WindowsIpHelperCollector(CollectorOptions options) {
        this.options = options;
        for (Table table : Table.values()) {
            String api = table.protocol == Protocol.TCP ? "GetExtendedTcpTable" : "GetExtendedUdpTable";
            calls.put(table, new SizedCall(api + (table.addressLength == 4 ? " (IPv4)" : " (IPv6)"),
                    Win32.ERROR_INSUFFICIENT_BUFFER, 64 * 1024));
        }
    }

    @Override
    public Snapshot collect() throws CollectorException {
        Instant tablesRead = clock.instant(); // a process created after this is not the one the tables name
        List<SocketEntry> sockets = new ArrayList<>();
        List<CollectionIssue> issues = new ArrayList<>();
        int malformed = 0;
        int read = 0;
        for (Table table : Table.values()) {
            if (!options.includes(table.protocol)) {
                continue;
            }
            try {
                Memory buffer = calls.get(table).fill((memory, size, needed) -> query(table, memory, size, needed));
                malformed += IpHelperTables.decode(table, buffer.getByteBuffer(0, buffer.size()), (int) buffer.size(),
                        sockets, addresses);
                read++;
            } catch (CollectorException e) {
                issues.add(new CollectionIssue(CollectionIssue.PARTIAL_DATA, e.getMessage(), 0));
            }
        }
        if (read == 0) {
            throw new CollectorException("no IP Helper table could be read" + (issues.isEmpty() ? ""
                    : ": " + issues.get(0).message()));
        }
        if (malformed > 0) {
            issues.add(new CollectionIssue(CollectionIssue.MALFORMED_ROWS, malformed
                    + " table rows could not be decoded and were skipped", malformed));
        }
        int unowned = UnownedSockets.count(sockets);
        if (unowned > 0) {
            issues.add(UnownedSockets.issue(unowned, "Windows names no process for them (connections still closing"
                    + " after their process let go of them)"));
        }
        Map<Long, ProcessInfo> owners = owners(sockets, tablesRead, issues);
        if (processes.denied() > 0) {
            issues.add(new CollectionIssue(CollectionIssue.ACCESS_DENIED, "run elevated to see the details of "
                    + processes.denied() + " processes", processes.denied()));
        }
        return new Snapshot(clock.instant(), ID, sockets, owners, issues);
    }

    private static int query(Table table, Memory memory, int size, int[] needed) {
        needed[0] = size;
        int family = table.addressLength == 4 ? Win32.AF_INET : Win32.AF_INET6;
        return table.protocol == Protocol.TCP
                ? IpHlpApi.GetExtendedTcpTable(memory, needed, false, family, Win32.TCP_TABLE_OWNER_PID_ALL, 0)
                : IpHlpApi.GetExtendedUdpTable(memory, needed, false, family, Win32.UDP_TABLE_OWNER_PID, 0);
    }

    private Map<Long, ProcessInfo> owners(List<SocketEntry> sockets, Instant tablesRead, List<CollectionIssue> issues) {
        if (!processes.startCollection()) {
            issues.add(new CollectionIssue(CollectionIssue.PARTIAL_DATA,
                    "the process snapshot (CreateToolhelp32Snapshot) failed: processes have no names", 0));
        }
        Map<Long, List<String>> hosted = services.byPid();
        if (services.problem() != null) {
            issues.add(new CollectionIssue(CollectionIssue.PARTIAL_DATA, services.problem(), 0));
        }
        Map<Long, ProcessInfo> owners = new HashMap<>();
        for (SocketEntry socket : sockets) {
            if (!socket.hasOwner()) {
                continue;
            }
            owners.computeIfAbsent(socket.pid(), pid -> {
                ProcessInfo info = processes.read(pid, tablesRead);
                List<String> names = hosted.get(pid);
                return names == null || info.isUnknown() ? info : info.withServices(names); // not a reused or gone pid
            });
        }
        processes.endCollection();
        return owners;
    }

    @Override
    public void close() {
        // the buffers are freed with the collector; no handle stays open between collections
    }
}
