package io.procnet.internal.graph;

import io.procnet.graph.NodeClassification;
import io.procnet.graph.ProcessNode;
import io.procnet.graph.RemoteNode;
import io.procnet.model.ProcessInfo;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The nodes of the previous snapshot, handed out again while they are unchanged: a remote
 * address is formatted once in its lifetime, and an unchanged node compares equal by identity.
 */
final class NodeCache {
    private final Map<InetAddress, RemoteEntry> remotes = new HashMap<>();
    private Map<Long, ProcessNode> processes = new HashMap<>();

    private static final class RemoteEntry {
        final RemoteNode node;
        long round;

        RemoteEntry(RemoteNode node) {
            this.node = node;
        }
    }

    /** The node of a remote address, marked as used in {@code round}. */
    RemoteNode remote(InetAddress address, long round) {
        RemoteEntry entry = remotes.get(address);
        if (entry == null) {
            entry = new RemoteEntry(RemoteNode.of(address));
            remotes.put(address, entry);
        }
        entry.round = round;
        return entry.node;
    }

    /** The remote nodes used in {@code round}; forgets the others. */
    List<RemoteNode> remotesOf(long round) {
        remotes.values().removeIf(entry -> entry.round != round);
        List<RemoteNode> nodes = new ArrayList<>(remotes.size());
        for (RemoteEntry entry : remotes.values()) {
            nodes.add(entry.node);
        }
        return nodes;
    }

    /** The node of a process: the previous one when nothing about it changed. */
    ProcessNode process(String id, ProcessInfo process, NodeClassification classification, List<Integer> ports,
                        Map<Long, ProcessNode> used) {
        ProcessNode previous = processes.get(process.pid());
        ProcessNode node = previous != null && previous.process().equals(process)
                && previous.label().equals(classification.label()) && previous.type().equals(classification.type())
                && previous.listeningPorts().equals(ports)
                ? previous
                : new ProcessNode(id, classification.label(), classification.type(), process, ports);
        used.put(process.pid(), node);
        return node;
    }

    /** Keeps exactly the process nodes of the snapshot just built. */
    void keepProcesses(Map<Long, ProcessNode> used) {
        processes = used;
    }
}
