package io.procnet.collect.posix.internal.oshi;

import io.procnet.model.Endpoint;
import io.procnet.model.ProcessInfo;
import io.procnet.model.Protocol;
import io.procnet.model.SocketEntry;
import io.procnet.model.SocketState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import oshi.software.os.InternetProtocolStats.IPConnection;
import oshi.software.os.InternetProtocolStats.TcpState;

/**
 * Turns OSHI's connections into socket rows, and its processes into {@link ProcessInfo}s. Pure:
 * a row that does not convert is skipped and counted.
 */
public final class OshiDecoder {
    private static final Map<TcpState, SocketState> STATES = Map.ofEntries(
            Map.entry(TcpState.CLOSED, SocketState.CLOSED), Map.entry(TcpState.LISTEN, SocketState.LISTEN),
            Map.entry(TcpState.SYN_SENT, SocketState.SYN_SENT), Map.entry(TcpState.SYN_RECV, SocketState.SYN_RECEIVED),
            Map.entry(TcpState.ESTABLISHED, SocketState.ESTABLISHED),
            Map.entry(TcpState.FIN_WAIT_1, SocketState.FIN_WAIT_1), Map.entry(TcpState.FIN_WAIT_2, SocketState.FIN_WAIT_2),
            Map.entry(TcpState.CLOSE_WAIT, SocketState.CLOSE_WAIT), Map.entry(TcpState.CLOSING, SocketState.CLOSING),
            Map.entry(TcpState.LAST_ACK, SocketState.LAST_ACK), Map.entry(TcpState.TIME_WAIT, SocketState.TIME_WAIT));

    private OshiDecoder() {
    }

    /** What one list of connections gave. */
    public record Decoded(List<SocketEntry> sockets, int malformed) {
    }

    public static Decoded decode(List<IPConnection> connections, boolean includeTcp, boolean includeUdp) {
        List<SocketEntry> sockets = new ArrayList<>(connections.size());
        int malformed = 0;
        for (IPConnection connection : connections) {
            Protocol protocol = protocolOf(connection.getType());
            if (protocol == null) {
                malformed++;
                continue;
            }
            if (protocol == Protocol.TCP ? !includeTcp : !includeUdp) {
                continue;
            }
            try {
                sockets.add(decode(connection, protocol));
            } catch (IllegalArgumentException | NullPointerException e) {
                malformed++;
            }
        }
        return new Decoded(sockets, malformed);
    }

    private static SocketEntry decode(IPConnection connection, Protocol protocol) {
        Endpoint local = Endpoint.of(connection.getLocalAddress(), connection.getLocalPort());
        Endpoint remote = Endpoint.of(connection.getForeignAddress(), connection.getForeignPort());
        SocketState state = protocol == Protocol.UDP
                ? SocketState.forUdp(remote)
                : STATES.getOrDefault(connection.getState(), SocketState.UNKNOWN);
        long pid = connection.getowningProcessId() < 0 ? SocketEntry.NO_PID : connection.getowningProcessId();
        return new SocketEntry(protocol, local, remote, state, pid, 0, null);
    }

    /**
     * A process from what OSHI's {@code OSProcess} gives: nulls and empty texts read as unknown,
     * and so does a start time that is not after the epoch.
     *
     * <p>OSHI gives 0 as the parent pid "otherwise": when the OS names no parent, when OSHI could
     * not read it (another user's process, one that just exited), and for the processes the
     * kernel itself started (launchd, init, kthreadd). Those cannot be told apart, so 0 reads as
     * {@link ProcessInfo#NO_PARENT}: hanging every process OSHI could not read under pid 0
     * ({@code kernel_task} on macOS, {@code [kernel]} on FreeBSD, no process at all on Linux)
     * would be wrong for most of them, while launchd and init lose only a link to the kernel. A
     * negative value (OSHI fills ints from native structures) and a process named as its own
     * parent are no parent either.
     */
    static ProcessInfo decodeProcess(long pid, int parentPid, String name, String commandLine, String user,
                                     long startMillis, String path) {
        long parent = parentPid <= 0 || parentPid == pid ? ProcessInfo.NO_PARENT : parentPid;
        return new ProcessInfo(pid, parent, nullToEmpty(name), nullToEmpty(commandLine),
                user == null || user.isEmpty() ? null : user, startMillis > 0 ? Instant.ofEpochMilli(startMillis) : null,
                nullToEmpty(path), List.of());
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    /** {@code tcp4}, {@code tcp6}, {@code udp4}, {@code udp6}; null for anything else. */
    static Protocol protocolOf(String type) {
        if (type == null) {
            return null;
        }
        return type.startsWith("tcp") ? Protocol.TCP : type.startsWith("udp") ? Protocol.UDP : null;
    }
}
