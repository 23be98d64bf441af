package io.procnet.graph;

import io.procnet.model.Endpoint;
import io.procnet.model.Protocol;
import java.util.List;
import java.util.Objects;

/**
 * A local port that listens and that no process or remote is connected to. Immutable and
 * thread-safe.
 *
 * @param id        {@code listen:<proto>:<port>}, or {@code listen:<proto>:<port>@<namespace>} in
 *                  another network namespace
 * @param label     {@code tcp/8080}, with the namespace where there is one
 * @param protocol  TCP or UDP
 * @param port      the port
 * @param namespace the network namespace of the listening sockets, or null for the collector's own
 * @param bound     the local endpoints listening on it, e.g. {@code 0.0.0.0:8080} and {@code [::]:8080}
 */
public record ListenerNode(String id, String label, Protocol protocol, int port, String namespace,
                           List<Endpoint> bound) implements Node {

    /** The type of every listener node. */
    public static final String TYPE = "listener";

    public ListenerNode {
        Objects.requireNonNull(label, "label");
        if (!idOf(protocol, port, namespace).equals(id)) {
            throw new IllegalArgumentException("listener node id " + id + " does not match " + protocol + "/" + port
                    + (namespace == null ? "" : " in " + namespace));
        }
        bound = List.copyOf(bound);
    }

    /** The node of a listening port of the collector's own namespace, labelled {@code tcp/8080}. */
    public static ListenerNode of(Protocol protocol, int port, List<Endpoint> bound) {
        return of(protocol, port, null, bound);
    }

    /** The node of a listening port in {@code namespace} (null: the collector's own). */
    public static ListenerNode of(Protocol protocol, int port, String namespace, List<Endpoint> bound) {
        String label = protocol.id() + "/" + port;
        return new ListenerNode(idOf(protocol, port, namespace), namespace == null ? label : label + " (" + namespace + ")",
                protocol, port, namespace, bound);
    }

    /** The node id of a listening port of the collector's own namespace. */
    public static String idOf(Protocol protocol, int port) {
        return idOf(protocol, port, null);
    }

    /** The node id of a listening port in {@code namespace} (null: the collector's own). */
    public static String idOf(Protocol protocol, int port, String namespace) {
        String id = "listen:" + protocol.id() + ":" + port;
        return namespace == null ? id : id + "@" + namespace;
    }

    @Override
    public NodeKind kind() {
        return NodeKind.LISTENER;
    }

    @Override
    public String type() {
        return TYPE;
    }
}
