package io.procnet.collect.posix.internal.oshi;

import io.procnet.spi.UnownedSockets;
import io.procnet.model.CollectionIssue;
import io.procnet.model.ProcessInfo;
import io.procnet.model.Protocol;
import io.procnet.model.SocketEntry;
import io.procnet.model.Snapshot;
import io.procnet.spi.CollectorException;
import io.procnet.spi.CollectorOptions;
import io.procnet.spi.ConnectionCollector;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import oshi.SystemInfo;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;

/**
 * Connections and processes through OSHI: the collector for macOS and the BSDs, and a fallback
 * anywhere OSHI runs. Not thread-safe.
 */
public final class OshiCollector implements ConnectionCollector {
    static final String ID = "oshi";

    private final OperatingSystem os;
    private final CollectorOptions options;
    private final Clock clock;

    public OshiCollector(CollectorOptions options, Clock clock) {
        this.os = new SystemInfo().getOperatingSystem();
        this.options = options;
        this.clock = clock;
    }

    @Override
    public Snapshot collect() throws CollectorException {
        OshiDecoder.Decoded decoded;
        try {
            decoded = OshiDecoder.decode(os.getInternetProtocolStats().getConnections(),
                    options.includes(Protocol.TCP), options.includes(Protocol.UDP));
        } catch (RuntimeException e) {
            throw new CollectorException("OSHI could not list connections: " + e.getMessage(), e);
        }
        Map<Long, ProcessInfo> processes = new HashMap<>();
        int unowned = 0;
        for (SocketEntry socket : decoded.sockets()) {
            if (socket.hasOwner()) {
                processes.computeIfAbsent(socket.pid(), this::process);
            } else if (UnownedSockets.ownerHidden(socket)) {
                unowned++;
            }
        }
        List<CollectionIssue> issues = new ArrayList<>();
        if (decoded.malformed() > 0) {
            issues.add(new CollectionIssue(CollectionIssue.MALFORMED_ROWS,
                    decoded.malformed() + " connections from OSHI could not be converted and were skipped",
                    decoded.malformed()));
        }
        if (unowned > 0) {
            issues.add(UnownedSockets.issue(unowned, "run as root or administrator to see every process"));
        }
        return new Snapshot(clock.instant(), ID, decoded.sockets(), processes, issues);
    }

    private ProcessInfo process(long pid) {
        OSProcess process = os.getProcess((int) pid);
        if (process == null) {
            return ProcessInfo.unknown(pid);
        }
        return OshiDecoder.decodeProcess(pid, process.getParentProcessID(), process.getName(),
                process.getCommandLine(), process.getUser(), process.getStartTime(), process.getPath());
    }
}
