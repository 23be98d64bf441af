package io.procnet.graph;

import io.procnet.model.InetAddresses;
import java.net.InetAddress;
import java.util.Objects;

/**
 * A remote address, or a local one whose owning process is unknown. Immutable and thread-safe.
 *
 * <p>A loopback address exists once per network namespace: {@code 127.0.0.1} of a container is
 * not the host's, so it is a node of its own, with the namespace in its id and label.
 *
 * @param id        {@code ext:<ip>}, or {@code ext:<ip>@<namespace>} for a loopback address of
 *                  another namespace
 * @param label     the address (with the namespace where there is one), or its host name once resolved
 * @param address   the address
 * @param namespace the network namespace of a loopback address of another namespace, else null
 */
public record RemoteNode(String id, String label, InetAddress address, String namespace) implements Node {

    /** The type of every remote node. */
    public static final String TYPE = "external";

    public RemoteNode {
        Objects.requireNonNull(label, "label");
        if (!idOf(address, namespace).equals(id)) {
            throw new IllegalArgumentException("remote node id " + id + " does not match " + address
                    + (namespace == null ? "" : " in " + namespace));
        }
    }

    /** A node labelled with the address itself. */
    public static RemoteNode of(InetAddress address) {
        return of(address, null);
    }

    /** A node labelled with the address and, when there is one, its namespace. */
    public static RemoteNode of(InetAddress address, String namespace) {
        String text = InetAddresses.format(address);
        return new RemoteNode(idOf(address, namespace), namespace == null ? text : text + " (" + namespace + ")",
                address, namespace);
    }

    /** The node id of an address. */
    public static String idOf(InetAddress address) {
        return idOf(address, null);
    }

    /** The node id of an address in a namespace (null: the collector's own, or any for a non-loopback address). */
    public static String idOf(InetAddress address, String namespace) {
        String id = "ext:" + InetAddresses.format(address);
        return namespace == null ? id : id + "@" + namespace;
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
