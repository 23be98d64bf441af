package io.procnet.graph;

import io.procnet.model.Endpoint;
import io.procnet.model.Protocol;
import java.util.List;
import java.util.Objects;

/**
 * A local port that listens and that no process or remote is connected to. Immutable and
 * thread-safe.
 *
 * @param id       {@code listen:<proto>:<port>}
 * @param label    {@code tcp/8080}
 * @param protocol TCP or UDP
 * @param port     the port
 * @param bound    the local endpoints listening on it, e.g. {@code 0.0.0.0:8080} and {@code [::]:8080}
 */
public record ListenerNode(String id, String label, Protocol protocol, int port, List<Endpoint> bound)
        implements Node {

    /** The type of every listener node. */
    public static final String TYPE = "listener";

    public ListenerNode {
        Objects.requireNonNull(label, "label");
        if (!idOf(protocol, port).equals(id)) {
            throw new IllegalArgumentException("listener node id " + id + " does not match " + protocol + "/" + port);
        }
        bound = List.copyOf(bound);
    }

    /** The node of a listening port, labelled {@code tcp/8080}. */
    public static ListenerNode of(Protocol protocol, int port, List<Endpoint> bound) {
        return new ListenerNode(idOf(protocol, port), protocol.id() + "/" + port, protocol, port, bound);
    }

    /** The node id of a listening port. */
    public static String idOf(Protocol protocol, int port) {
        return "listen:" + protocol.id() + ":" + port;
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
