package io.procnet.rules.internal;

import io.procnet.graph.NodeClassification;
import io.procnet.model.ProcessInfo;
import java.util.Objects;
import java.util.Set;

/**
 * One rule: the fields it matches on (null where the rule says nothing) and what it gives a
 * process that matches all of them. Immutable and thread-safe.
 *
 * @param number   its number in its file, from 1
 * @param where    {@code file:line:column} of the rule, for messages
 * @param pid      the process id, or null
 * @param ports    the process listens on one of these ports; empty when the rule says nothing
 * @param label    the label, or null for the process name
 */
public record Rule(int number, String where, Long pid, TextPattern name, TextPattern commandLine, Set<Integer> ports,
                   TextPattern user, TextPattern executable, String type, String label) {

    public Rule {
        ports = Set.copyOf(ports);
        Objects.requireNonNull(type, "type");
        if (pid == null && name == null && commandLine == null && ports.isEmpty() && user == null
                && executable == null) {
            throw new IllegalArgumentException("rule " + number + " matches nothing in particular");
        }
    }

    /** True when the process matches every field the rule gives; the cheap fields are checked first. */
    public boolean matches(Subject process, Set<Integer> listeningPorts) {
        if (pid != null && pid != process.pid()) {
            return false;
        }
        if (!ports.isEmpty() && !listensOnAny(listeningPorts)) {
            return false;
        }
        return (name == null || name.matches(process.name()))
                && (user == null || user.matches(process.user()))
                && (executable == null || executable.matches(process.executable()))
                && (commandLine == null || commandLine.matches(process.commandLine()));
    }

    /** A process as the rules see it: its texts, each folded at most once however many rules look. */
    public record Subject(long pid, MatchText name, MatchText commandLine, MatchText user, MatchText executable) {

        public static Subject of(ProcessInfo process) {
            return new Subject(process.pid(), new MatchText(process.name()), new MatchText(process.commandLine()),
                    new MatchText(process.user()),
                    new MatchText(process.executable().isEmpty() ? null : process.executable()));
        }
    }

    private boolean listensOnAny(Set<Integer> listeningPorts) {
        for (Integer port : ports) {
            if (listeningPorts.contains(port)) {
                return true;
            }
        }
        return false;
    }

    /** What a matching process becomes: this rule's type, and its label or else the process name. */
    public NodeClassification classification(ProcessInfo process) {
        return new NodeClassification(type, label != null ? label : process.displayName());
    }
}
