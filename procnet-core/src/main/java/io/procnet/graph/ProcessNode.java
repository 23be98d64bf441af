package io.procnet.graph;

import io.procnet.model.ProcessInfo;
import java.util.List;
import java.util.Objects;

/**
 * A local process. Immutable and thread-safe.
 *
 * @param id             {@code proc:<pid>}
 * @param label          from the classifier
 * @param type           from the classifier
 * @param process        the process; a reused pid shows as a different start time
 * @param listeningPorts the ports it listens on, ascending: TCP, and with UDP drawn, the UDP
 *                       ports that serve (see {@link GraphOptions#includeUdp()})
 * @param group          the id ({@code group:<pid>}) of its process group: the topmost ancestor in
 *                       the snapshot that runs the same program (a postgres backend's is its
 *                       postmaster's, an nginx worker's its master's); its own pid when it has none
 */
public record ProcessNode(String id, String label, String type, ProcessInfo process, List<Integer> listeningPorts,
                          String group) implements Node {

    public ProcessNode {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(process, "process");
        Objects.requireNonNull(group, "group");
        if (!idOf(process.pid()).equals(id)) {
            throw new IllegalArgumentException("process node id " + id + " does not match pid " + process.pid());
        }
        if (!group.startsWith(GroupNode.ID_PREFIX)) {
            throw new IllegalArgumentException("group id " + group + " is not a group node id");
        }
        listeningPorts = List.copyOf(listeningPorts);
    }

    /** The node id of a pid. */
    public static String idOf(long pid) {
        return "proc:" + pid;
    }

    /** Whether this process leads its group, or is alone in it. */
    public boolean leadsGroup() {
        return group.equals(GroupNode.idOf(process.pid()));
    }

    @Override
    public NodeKind kind() {
        return NodeKind.PROCESS;
    }
}
