package io.procnet.rules;

import io.procnet.graph.NodeClassification;
import io.procnet.graph.NodeClassifier;
import io.procnet.model.ProcessInfo;
import io.procnet.rules.internal.ClassificationCache;
import io.procnet.rules.internal.Rule;
import io.procnet.rules.internal.RuleReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Node-typing rules, as in the original's rule files: the first rule whose every match field
 * matches a process gives its type and label; a process no rule matches is an {@code app}
 * labelled with its name. Classifications are cached per process and rule set. Immutable and
 * thread-safe.
 *
 * <p>A rule file is a YAML or JSON list of rules with the fields {@code match_pid},
 * {@code match_name} (the whole name), {@code match_cmd} (a part of the command line),
 * {@code match_port} (a port, or list of ports, the process listens on), {@code match_user},
 * {@code match_exe} (the whole executable path), {@code type} (required) and {@code label}. A
 * text written {@code /pattern/flags} is a regex found anywhere in the text, with the flags
 * {@code i} (ignore case), {@code m}, {@code s}, {@code x} and {@code u} of
 * {@link java.util.regex.Pattern}.
 */
public final class RuleSet implements NodeClassifier {
    private static final String DEFAULTS_RESOURCE = "default-rules.yaml";
    private static final AtomicLong VERSIONS = new AtomicLong();
    private static final RuleSet EMPTY = new RuleSet(List.of(), "no rules");

    private final List<Rule> rules;
    private final String source;
    private final long version = VERSIONS.incrementAndGet();
    private final boolean looksAtPorts;
    private final ClassificationCache cache = new ClassificationCache();

    private RuleSet(List<Rule> rules, String source) {
        this.rules = List.copyOf(rules);
        this.source = source;
        this.looksAtPorts = rules.stream().anyMatch(rule -> !rule.ports().isEmpty());
    }

    /**
     * The rules of a file.
     *
     * @throws RuleFileException when the file is missing, unreadable or wrong; its message is one
     *                           line with the place and what is wrong
     */
    public static RuleSet load(Path file) throws RuleFileException {
        return parse(RuleFiles.read(file), file.toString());
    }

    /**
     * The rules of a rule file's text, YAML or JSON (chosen by the content).
     *
     * @param source where the text came from, for messages (a file name)
     */
    public static RuleSet parse(String text, String source) throws RuleFileException {
        return new RuleSet(RuleReader.read(text, source), source);
    }

    /** No rules: every process is an {@code app} labelled with its name. */
    public static RuleSet empty() {
        return EMPTY;
    }

    /**
     * The built-in rules, which type well-known databases, caches, message brokers, load
     * balancers, web and application servers and Qt desktop applications by their names and
     * command lines.
     */
    public static RuleSet defaults() {
        return Defaults.RULES;
    }

    /** Holds the defaults, read once on first use. */
    private static final class Defaults {
        static final RuleSet RULES = readDefaults();

        private static RuleSet readDefaults() {
            try (InputStream in = RuleSet.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the built-in rules " + DEFAULTS_RESOURCE + " are missing");
                }
                return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "built-in " + DEFAULTS_RESOURCE);
            } catch (IOException | RuleFileException e) {
                throw new IllegalStateException("the built-in rules cannot be read: " + e.getMessage(), e);
            }
        }
    }

    /** These rules first, then {@code later}'s (user rules followed by the defaults). */
    public RuleSet followedBy(RuleSet later) {
        if (later.rules.isEmpty()) {
            return this;
        }
        List<Rule> all = new ArrayList<>(rules);
        all.addAll(later.rules);
        return new RuleSet(all, source + ", then " + later.source);
    }

    @Override
    public NodeClassification classify(ProcessInfo process, Set<Integer> listeningPorts) {
        List<Integer> ports = looksAtPorts ? listeningPorts.stream().sorted().toList() : List.of();
        return cache.get(process, ports, () -> firstMatch(process, listeningPorts));
    }

    private NodeClassification firstMatch(ProcessInfo process, Set<Integer> listeningPorts) {
        Rule.Subject subject = Rule.Subject.of(process);
        for (Rule rule : rules) {
            if (rule.matches(subject, listeningPorts)) {
                return rule.classification(process);
            }
        }
        return NodeClassifier.DEFAULT.classify(process, listeningPorts);
    }

    /** How many rules there are. */
    public int size() {
        return rules.size();
    }

    /** A number that differs between any two rule sets made in this JVM; a reload makes a new one. */
    public long version() {
        return version;
    }

    /** Where the rules came from. */
    @Override
    public String toString() {
        return "RuleSet[" + rules.size() + " rules from " + source + "]";
    }
}
