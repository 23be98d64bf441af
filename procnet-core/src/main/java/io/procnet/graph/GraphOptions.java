package io.procnet.graph;

import io.procnet.internal.host.HostNetwork;
import java.net.InetAddress;
import java.util.Objects;
import java.util.Set;

/**
 * How a snapshot becomes a graph. Immutable and thread-safe.
 *
 * @param p2pOnly           keep only process-to-process edges: no remote nodes, no listeners
 * @param includeUdp        draw UDP sockets: connected ones as edges, and unconnected ones that
 *                          serve (bound to a known service port or to a port outside the ephemeral
 *                          range, such as DNS on 53 or a game server) as listeners; an unconnected
 *                          socket on an ephemeral port is a client that sends with {@code sendto}
 *                          and draws nothing
 * @param extraServicePorts ports to treat as server ports besides the built-in list ({@code --svc-ports})
 * @param ephemeralPorts    the OS's ephemeral port range, for the {@code EPHEMERAL} heuristic and UDP
 * @param localAddresses    addresses of this host besides loopback, those its sockets are bound to,
 *                          and (with {@code hostAddresses}) those of its interfaces
 * @param hostAddresses     also take the addresses of this host's interfaces as local, read again
 *                          every few seconds while a builder runs, so that a DHCP or VPN change
 *                          takes effect
 * @param foldGroups        fold each process group of two or more processes into one {@link GroupNode}
 */
public record GraphOptions(boolean p2pOnly, boolean includeUdp, Set<Integer> extraServicePorts,
                           PortRange ephemeralPorts, Set<InetAddress> localAddresses, boolean hostAddresses,
                           boolean foldGroups) {

    public GraphOptions {
        extraServicePorts = Set.copyOf(extraServicePorts);
        for (int port : extraServicePorts) {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("service port out of range 1..65535: " + port);
            }
        }
        Objects.requireNonNull(ephemeralPorts, "ephemeralPorts");
        localAddresses = Set.copyOf(localAddresses);
    }

    /** Options without the interface addresses or group folding. */
    public GraphOptions(boolean p2pOnly, boolean includeUdp, Set<Integer> extraServicePorts, PortRange ephemeralPorts,
                        Set<InetAddress> localAddresses) {
        this(p2pOnly, includeUdp, extraServicePorts, ephemeralPorts, localAddresses, false, false);
    }

    /**
     * TCP only, all edges, the built-in service ports, the default ephemeral range of the OS
     * this JVM runs on, and no local addresses but those the snapshot's sockets are bound to:
     * nothing is read from the host, so a graph depends on its snapshot alone.
     */
    public static GraphOptions defaults() {
        return new GraphOptions(false, false, Set.of(),
                PortRange.defaultFor(System.getProperty("os.name", "")), Set.of(), false, false);
    }

    /**
     * {@link #defaults()} with the facts of the host this JVM runs on: its ephemeral port range
     * (Linux: read now from {@code /proc/sys/net/ipv4/ip_local_port_range}) and its interface
     * addresses, kept current while a builder runs. What {@code ProcNet} uses unless told otherwise;
     * add options to it: {@code GraphOptions.forThisHost().withUdp(true)}.
     */
    public static GraphOptions forThisHost() {
        return defaults().withEphemeralPorts(HostNetwork.ephemeralPorts()).withHostAddresses(true);
    }

    public GraphOptions withP2pOnly(boolean p2pOnly) {
        return new GraphOptions(p2pOnly, includeUdp, extraServicePorts, ephemeralPorts, localAddresses, hostAddresses,
                foldGroups);
    }

    public GraphOptions withUdp(boolean includeUdp) {
        return new GraphOptions(p2pOnly, includeUdp, extraServicePorts, ephemeralPorts, localAddresses, hostAddresses,
                foldGroups);
    }

    public GraphOptions withExtraServicePorts(Set<Integer> extraServicePorts) {
        return new GraphOptions(p2pOnly, includeUdp, extraServicePorts, ephemeralPorts, localAddresses, hostAddresses,
                foldGroups);
    }

    public GraphOptions withEphemeralPorts(PortRange ephemeralPorts) {
        return new GraphOptions(p2pOnly, includeUdp, extraServicePorts, ephemeralPorts, localAddresses, hostAddresses,
                foldGroups);
    }

    public GraphOptions withLocalAddresses(Set<InetAddress> localAddresses) {
        return new GraphOptions(p2pOnly, includeUdp, extraServicePorts, ephemeralPorts, localAddresses, hostAddresses,
                foldGroups);
    }

    public GraphOptions withHostAddresses(boolean hostAddresses) {
        return new GraphOptions(p2pOnly, includeUdp, extraServicePorts, ephemeralPorts, localAddresses, hostAddresses,
                foldGroups);
    }

    public GraphOptions withFoldGroups(boolean foldGroups) {
        return new GraphOptions(p2pOnly, includeUdp, extraServicePorts, ephemeralPorts, localAddresses, hostAddresses,
                foldGroups);
    }
}
