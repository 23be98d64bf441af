package io.procnet.graph;

import java.net.InetAddress;
import java.util.Objects;
import java.util.Set;

/**
 * How a snapshot becomes a graph. Immutable and thread-safe.
 *
 * @param p2pOnly           keep only process-to-process edges: no remote nodes, no listeners
 * @param includeUdp        draw UDP sockets (connected ones as edges, bound ones as listeners)
 * @param extraServicePorts ports to treat as server ports besides the built-in list ({@code --svc-ports})
 * @param ephemeralPorts    the OS's ephemeral port range, for the {@code EPHEMERAL} heuristic
 * @param localAddresses    addresses of this host besides loopback and those its sockets are bound to
 */
public record GraphOptions(boolean p2pOnly, boolean includeUdp, Set<Integer> extraServicePorts,
                           PortRange ephemeralPorts, Set<InetAddress> localAddresses) {

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

    /**
     * TCP only, all edges, the built-in service ports, the default ephemeral range of the OS
     * this JVM runs on and no extra local addresses.
     */
    public static GraphOptions defaults() {
        return new GraphOptions(false, false, Set.of(),
                PortRange.defaultFor(System.getProperty("os.name", "")), Set.of());
    }

    public GraphOptions withP2pOnly(boolean p2pOnly) {
        return new GraphOptions(p2pOnly, includeUdp, extraServicePorts, ephemeralPorts, localAddresses);
    }

    public GraphOptions withUdp(boolean includeUdp) {
        return new GraphOptions(p2pOnly, includeUdp, extraServicePorts, ephemeralPorts, localAddresses);
    }

    public GraphOptions withExtraServicePorts(Set<Integer> extraServicePorts) {
        return new GraphOptions(p2pOnly, includeUdp, extraServicePorts, ephemeralPorts, localAddresses);
    }

    public GraphOptions withEphemeralPorts(PortRange ephemeralPorts) {
        return new GraphOptions(p2pOnly, includeUdp, extraServicePorts, ephemeralPorts, localAddresses);
    }

    public GraphOptions withLocalAddresses(Set<InetAddress> localAddresses) {
        return new GraphOptions(p2pOnly, includeUdp, extraServicePorts, ephemeralPorts, localAddresses);
    }
}
