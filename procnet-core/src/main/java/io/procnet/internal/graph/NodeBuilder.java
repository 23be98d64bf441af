package io.procnet.internal.graph;

import io.procnet.graph.ListenerNode;
import io.procnet.graph.Node;
import io.procnet.graph.NodeClassification;
import io.procnet.graph.NodeClassifier;
import io.procnet.graph.ProcessNode;
import io.procnet.model.Endpoint;
import io.procnet.model.ProcessInfo;
import io.procnet.model.Snapshot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The nodes of a round: those its edges use, in id order, each the node built last time when
 * nothing about it changed. Process nodes take their type and label from the classifier, their
 * listening ports from the listeners, and their group from {@link ProcessGroups}. Not thread-safe.
 */
final class NodeBuilder {
    private static final System.Logger LOG = System.getLogger(NodeBuilder.class.getName());
    private static final Comparator<Endpoint> BY_TEXT = Comparator.comparing(Endpoint::toString);

    private final NodeRefs refs;
    private final NodeClassifier classifier;
    private final ProcessGroups groups = new ProcessGroups();

    NodeBuilder(NodeRefs refs, NodeClassifier classifier) {
        this.refs = refs;
        this.classifier = classifier;
    }

    /**
     * The nodes used in {@code round}, in id order.
     *
     * @param unserved the bound endpoints of each listener node of the round
     */
    List<Node> nodes(long round, Snapshot snapshot, ListenerTable listeners, Map<NodeRef, List<Endpoint>> unserved) {
        groups.use(snapshot.processes());
        List<Node> used = new ArrayList<>();
        for (NodeRef ref : refs.sorted()) {
            if (ref.usedRound != round) {
                continue;
            }
            ref.node = switch (ref.kind) {
                case PROCESS -> processNode(ref, snapshot.process(ref.pid), listeners.portsOf(ref.pid));
                case LISTENER -> listenerNode(ref, unserved.get(ref));
                default -> ref.node; // a remote node never changes
            };
            used.add(ref.node);
        }
        return used;
    }

    private ProcessNode processNode(NodeRef ref, ProcessInfo process, Set<Integer> ports) {
        NodeClassification classification = classify(process, ports);
        String group = groups.groupOf(process);
        ProcessNode previous = (ProcessNode) ref.node;
        boolean same = previous != null && previous.process().equals(process)
                && previous.label().equals(classification.label()) && previous.type().equals(classification.type())
                && previous.group().equals(group) && sameElements(previous.listeningPorts(), ports);
        return same ? previous
                : new ProcessNode(ref.id, classification.label(), classification.type(), process, List.copyOf(ports),
                        group);
    }

    private static ListenerNode listenerNode(NodeRef ref, List<Endpoint> bound) {
        bound.sort(BY_TEXT);
        ListenerNode previous = (ListenerNode) ref.node;
        return previous != null && previous.bound().equals(bound) ? previous
                : ListenerNode.of(ref.protocol, ref.port, ref.namespace, bound);
    }

    /** Whether a list holds the elements of a sorted set, in its order. */
    private static boolean sameElements(List<Integer> list, Set<Integer> set) {
        if (list.size() != set.size()) {
            return false;
        }
        Iterator<Integer> inSet = set.iterator();
        for (Integer port : list) {
            if (!port.equals(inSet.next())) {
                return false;
            }
        }
        return true;
    }

    /** The classifier's answer; the default one, with a warning, when the classifier fails or gives none. */
    private NodeClassification classify(ProcessInfo process, Set<Integer> ports) {
        try {
            NodeClassification classification = classifier.classify(process, ports);
            if (classification != null) {
                return classification;
            }
            LOG.log(System.Logger.Level.WARNING, "classifier gave no type for pid " + process.pid()
                    + "; using the default type");
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "classifier failed for pid " + process.pid()
                    + "; using the default type", e);
        }
        return NodeClassifier.DEFAULT.classify(process, ports);
    }
}
