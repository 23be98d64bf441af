package io.procnet.graph;

import io.procnet.model.InetAddresses;
import java.net.InetAddress;
import java.util.Objects;

/**
 * A remote address, or a local one whose owning process is unknown. Immutable and thread-safe.
 *
 * @param id      {@code ext:<ip>}
 * @param label   the address, or its host name once resolved
 * @param address the address
 */
public record RemoteNode(String id, String label, InetAddress address) implements Node {

    /** The type of every remote node. */
    public static final String TYPE = "external";

    public RemoteNode {
        Objects.requireNonNull(label, "label");
        if (!idOf(address).equals(id)) {
            throw new IllegalArgumentException("remote node id " + id + " does not match " + address);
        }
    }

    /** A node labelled with the address itself. */
    public static RemoteNode of(InetAddress address) {
        return new RemoteNode(idOf(address), InetAddresses.format(address), address);
    }

    /** The node id of an address. */
    public static String idOf(InetAddress address) {
        return "ext:" + InetAddresses.format(address);
    }

    @Override
    public NodeKind kind() {
        return NodeKind.REMOTE;
    }

    @Override
    public String type() {
        return TYPE;
    }
}
