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
 * @param listeningPorts the ports it listens on, ascending
 */
public record ProcessNode(String id, String label, String type, ProcessInfo process, List<Integer> listeningPorts)
        implements Node {

    public ProcessNode {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(process, "process");
        if (!idOf(process.pid()).equals(id)) {
            throw new IllegalArgumentException("process node id " + id + " does not match pid " + process.pid());
        }
        listeningPorts = List.copyOf(listeningPorts);
    }

    /** The node id of a pid. */
    public static String idOf(long pid) {
        return "proc:" + pid;
    }

    @Override
    public NodeKind kind() {
        return NodeKind.PROCESS;
    }
}
