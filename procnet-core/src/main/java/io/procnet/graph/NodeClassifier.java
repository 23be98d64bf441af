package io.procnet.graph;

import io.procnet.model.ProcessInfo;
import java.util.Set;

/**
 * Gives a process node its type and label. Implementations must be thread-safe; the rule
 * engine of {@code procnet-rules} is one.
 */
@FunctionalInterface
public interface NodeClassifier {

    /** The type of a process no rule speaks of. */
    String DEFAULT_TYPE = "app";

    /** Type {@value #DEFAULT_TYPE}, label = the process name ({@code pid N} when the name is unknown). */
    NodeClassifier DEFAULT = (process, listeningPorts) ->
            new NodeClassification(DEFAULT_TYPE, process.displayName());

    /**
     * Classifies one process.
     *
     * @param process        the process
     * @param listeningPorts the ports it listens on (TCP, and UDP when UDP is drawn)
     */
    NodeClassification classify(ProcessInfo process, Set<Integer> listeningPorts);
}
