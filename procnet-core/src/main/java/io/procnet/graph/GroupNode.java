package io.procnet.graph;

import java.util.List;
import java.util.Objects;

/**
 * The processes of one program folded into one node: a postgres postmaster and its backends, an
 * nginx master and its workers, a browser and its helpers. Made only when {@link
 * GraphOptions#foldGroups()} is set, and only for groups of two processes or more; its edges
 * aggregate those of its members. Immutable and thread-safe.
 *
 * @param id             {@code group:<pid>}, the pid of the group's topmost process
 * @param label          the leader's label and the number of members: {@code postgres ×12}
 * @param type           the leader's type
 * @param leaderPid      the topmost process of the group; it may hold no socket itself
 * @param members        the member processes, by pid
 * @param listeningPorts the ports any member listens on, ascending
 */
public record GroupNode(String id, String label, String type, long leaderPid, List<ProcessNode> members,
                        List<Integer> listeningPorts) implements Node {

    /** What every group node id starts with. */
    public static final String ID_PREFIX = "group:";

    public GroupNode {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(type, "type");
        if (!idOf(leaderPid).equals(id)) {
            throw new IllegalArgumentException("group node id " + id + " does not match leader " + leaderPid);
        }
        members = List.copyOf(members);
        if (members.size() < 2) {
            throw new IllegalArgumentException("a group node folds two processes or more, not " + members.size());
        }
        listeningPorts = List.copyOf(listeningPorts);
    }

    /** The id of the group led by {@code leaderPid}. */
    public static String idOf(long leaderPid) {
        return ID_PREFIX + leaderPid;
    }

    @Override
    public NodeKind kind() {
        return NodeKind.GROUP;
    }
}
