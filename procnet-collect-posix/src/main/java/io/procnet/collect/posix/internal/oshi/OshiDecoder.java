package io.procnet.collect.posix.internal.oshi;

import io.procnet.model.Endpoint;
import io.procnet.model.Protocol;
import io.procnet.model.SocketEntry;
import io.procnet.model.SocketState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import oshi.software.os.InternetProtocolStats.IPConnection;
import oshi.software.os.InternetProtocolStats.TcpState;

/** Turns OSHI's connections into socket rows. Pure: a row that does not convert is skipped and counted. */
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

    /** {@code tcp4}, {@code tcp6}, {@code udp4}, {@code udp6}; null for anything else. */
    static Protocol protocolOf(String type) {
        if (type == null) {
            return null;
        }
        return type.startsWith("tcp") ? Protocol.TCP : type.startsWith("udp") ? Protocol.UDP : null;
    }
}
