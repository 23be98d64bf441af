package io.procnet.collect.posix.internal.ss;

import io.procnet.spi.UnownedSockets;
import io.procnet.collect.posix.internal.linux.ProcessReader;
import io.procnet.model.CollectionIssue;
import io.procnet.model.ProcessInfo;
import io.procnet.model.Protocol;
import io.procnet.model.SocketEntry;
import io.procnet.model.Snapshot;
import io.procnet.spi.CollectorException;
import io.procnet.spi.CollectorOptions;
import io.procnet.spi.ConnectionCollector;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The original's way: runs {@code ss -tanpi} and {@code ss -uanpi} and parses them. Process
 * details come from {@code /proc} where readable, else the name ss prints. Not thread-safe.
 */
public final class LinuxSsCollector implements ConnectionCollector {
    static final String ID = "linux-ss";

    private final CommandRunner runner;
    private final ProcessReader processes;
    private final CollectorOptions options;
    private final Clock clock;

    public LinuxSsCollector(CommandRunner runner, ProcessReader processes, CollectorOptions options, Clock clock) {
        this.runner = runner;
        this.processes = processes;
        this.options = options;
        this.clock = clock;
    }

    @Override
    public Snapshot collect() throws CollectorException {
        List<SocketEntry> sockets = new ArrayList<>();
        Map<Long, ProcessInfo> owners = new HashMap<>();
        List<CollectionIssue> issues = new ArrayList<>();
        int malformed = 0;
        int read = 0;
        int unowned = 0;
        for (Protocol protocol : Protocol.values()) {
            if (!options.includes(protocol)) {
                continue;
            }
            List<String> command = List.of("ss", protocol == Protocol.TCP ? "-tanpi" : "-uanpi");
            String output;
            try {
                output = runner.run(command);
            } catch (IOException e) {
                issues.add(new CollectionIssue(CollectionIssue.PARTIAL_DATA,
                        protocol + " sockets could not be read: " + e.getMessage(), 0));
                continue;
            }
            read++;
            SsParser.Parsed parsed = SsParser.parse(output, protocol);
            malformed += parsed.malformed();
            for (SsParser.Row row : parsed.rows()) {
                sockets.add(row.socket());
                if (UnownedSockets.ownerHidden(row.socket())) {
                    unowned++;
                }
                for (SsParser.User user : row.users()) {
                    owners.computeIfAbsent(user.pid(), pid -> describe(user));
                }
            }
        }
        processes.endCollection();
        if (read == 0) {
            throw new CollectorException("ss could not be run: " + issues.get(0).message());
        }
        if (malformed > 0) {
            issues.add(new CollectionIssue(CollectionIssue.MALFORMED_ROWS,
                    malformed + " lines of ss output could not be parsed and were skipped", malformed));
        }
        if (unowned > 0) {
            issues.add(UnownedSockets.issue(unowned, "ss shows the processes of other users only to root"));
        }
        return new Snapshot(clock.instant(), ID, sockets, owners, issues);
    }

    private ProcessInfo describe(SsParser.User user) {
        ProcessInfo fromProc = processes.read(user.pid());
        return fromProc.isUnknown() ? new ProcessInfo(user.pid(), user.name(), "", null, null) : fromProc;
    }
}
