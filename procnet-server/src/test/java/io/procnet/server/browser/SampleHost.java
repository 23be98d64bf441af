package io.procnet.server.browser;

import io.procnet.graph.NodeClassification;
import io.procnet.graph.NodeClassifier;
import io.procnet.model.ProcessInfo;
import io.procnet.server.TestSnapshots;
import java.util.List;
import java.util.Map;

/**
 * Processes as a Linux host has them, for the browser tests: each with its parent and its program
 * file, so that the server groups a master with its workers; and a classifier that types them by
 * name, as a rule file would (the rules module is no dependency of the server).
 */
final class SampleHost {
    /**
     * The type of each program the tests run, by process name; any other is an {@code app}. There is
     * no icon for {@code quantum_computer}.
     */
    private static final Map<String, String> TYPES = Map.of(
            "postgres", "database", "redis-server", "cache", "nginx", "load_balancer", "beam.smp", "message_broker",
            "nextcloud", "qt_desktop", "systemd-resolved", "service", "chronyd", "service", "sshd", "service",
            "node_exporter", "service", "qsim", "quantum_computer");

    private SampleHost() {
    }

    /** A process started an hour before {@link TestSnapshots#T0}. */
    static ProcessInfo process(long pid, long parentPid, String name, String executable, String commandLine,
                               String user) {
        return new ProcessInfo(pid, parentPid, name, commandLine, user, TestSnapshots.T0.minusSeconds(3600), executable,
                List.of());
    }

    /** Types processes by name: {@code postgres} is a database, {@code nginx} a load balancer... */
    static NodeClassifier classifier() {
        return (process, ports) -> new NodeClassification(TYPES.getOrDefault(process.name(), NodeClassifier.DEFAULT_TYPE),
                process.displayName());
    }
}
