package io.procnet.server.internal.wire;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** A node on the wire; {@code kind} (the core's {@code NodeKind} name) says which of the four it is. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = WireNode.Process.class, name = "PROCESS"),
    @JsonSubTypes.Type(value = WireNode.Remote.class, name = "REMOTE"),
    @JsonSubTypes.Type(value = WireNode.Listener.class, name = "LISTENER"),
    @JsonSubTypes.Type(value = WireNode.Group.class, name = "GROUP")
})
public sealed interface WireNode {
    String id();

    String label();

    String type();

    /** A process, with the group it belongs to (the page folds groups itself). */
    record Process(String id, String label, String type, WireProcess process, java.util.List<Integer> listeningPorts,
                   String group) implements WireNode {
    }

    /** An address outside this host's processes; {@code namespace} is null in the host's own. */
    record Remote(String id, String label, String type, String address, String namespace) implements WireNode {
    }

    /** A listening port with the addresses it is bound to. */
    record Listener(String id, String label, String type, String protocol, int port, String namespace,
                    java.util.List<WireEndpoint> bound) implements WireNode {
    }

    /** Processes folded into one node: only in graphs built with folded groups (never from the server). */
    record Group(String id, String label, String type, long leaderPid, java.util.List<String> members,
                 java.util.List<Integer> listeningPorts) implements WireNode {
    }
}
