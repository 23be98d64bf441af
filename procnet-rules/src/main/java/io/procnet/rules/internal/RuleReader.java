package io.procnet.rules.internal;

import io.procnet.rules.RuleFileException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.PatternSyntaxException;

/**
 * Makes rules out of a rule file's tree and says precisely what is wrong when it cannot: the
 * place, the rule and the field. Pure.
 */
public final class RuleReader {
    static final String PID = "match_pid";
    static final String NAME = "match_name";
    static final String CMD = "match_cmd";
    static final String PORT = "match_port";
    static final String USER = "match_user";
    static final String EXE = "match_exe";
    static final String TYPE = "type";
    static final String LABEL = "label";
    /** The keys a rule may have, in the order the messages list them. */
    static final List<String> KEYS = List.of(PID, NAME, CMD, PORT, USER, EXE, TYPE, LABEL);
    static final List<String> MATCH_KEYS = List.of(PID, NAME, CMD, PORT, USER, EXE);

    private final String source;

    private RuleReader(String source) {
        this.source = source;
    }

    /**
     * The rules of a file's text, YAML or JSON, chosen by the content: text that starts with
     * {@code [} or <code>{</code> is read as JSON, unless it is not valid JSON but valid YAML
     * (a YAML flow list); everything else as YAML.
     *
     * @param source the file as the user named it, for messages
     */
    public static List<Rule> read(String text, String source) throws RuleFileException {
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        TreeNode root = looksLikeJson(content) ? readJsonOrYaml(content, source) : YamlTree.read(content, source);
        if (root == null) {
            throw new RuleFileException(source, 1, 1, "the file is empty: it should hold a list of rules, such as"
                    + " '- match_name: nginx' with 'type: load_balancer' under it");
        }
        return new RuleReader(source).rules(root);
    }

    private static boolean looksLikeJson(String text) {
        String start = text.stripLeading();
        return start.startsWith("[") || start.startsWith("{");
    }

    private static TreeNode readJsonOrYaml(String text, String source) throws RuleFileException {
        try {
            return JsonTree.read(text, source);
        } catch (RuleFileException json) {
            try {
                return YamlTree.read(text, source);
            } catch (RuleFileException yaml) {
                String name = source.toLowerCase(java.util.Locale.ROOT);
                throw name.endsWith(".yaml") || name.endsWith(".yml") ? yaml : json;
            }
        }
    }

    private List<Rule> rules(TreeNode root) throws RuleFileException {
        if (!(root instanceof TreeNode.Sequence list)) {
            throw error(root.position(), "the file should hold a list of rules, but holds " + root.describe()
                    + (root instanceof TreeNode.Mapping ? " (start each rule with '- ')" : ""));
        }
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < list.items().size(); i++) {
            rules.add(rule(i + 1, list.items().get(i)));
        }
        return rules;
    }

    private Rule rule(int number, TreeNode node) throws RuleFileException {
        if (!(node instanceof TreeNode.Mapping mapping)) {
            throw error(node.position(), "rule " + number + " should be a mapping of fields such as 'type: database',"
                    + " but is " + node.describe());
        }
        Set<String> seen = new HashSet<>();
        Long pid = null;
        TextPattern name = null;
        TextPattern commandLine = null;
        Set<Integer> ports = Set.of();
        TextPattern user = null;
        TextPattern executable = null;
        String type = null;
        String label = null;
        for (TreeNode.Entry entry : mapping.entries()) {
            String key = entry.key();
            if (!KEYS.contains(key)) {
                throw error(entry.keyPosition(), "unknown key '" + key + "' in rule " + number + "; "
                        + Suggestions.nearest(key, KEYS).map(known -> "did you mean '" + known + "'?")
                                .orElse("the keys are " + String.join(", ", KEYS)));
            }
            if (!seen.add(key)) {
                throw error(entry.keyPosition(), "rule " + number + " gives '" + key + "' twice");
            }
            TreeNode value = entry.value();
            switch (key) {
                case PID -> pid = wholeNumber(number, key, value, 0, Long.MAX_VALUE);
                case NAME -> name = pattern(number, key, value, TextPattern.Plain.EQUALS);
                case CMD -> commandLine = pattern(number, key, value, TextPattern.Plain.CONTAINS);
                case PORT -> ports = ports(number, value);
                case USER -> user = pattern(number, key, value, TextPattern.Plain.EQUALS);
                case EXE -> executable = pattern(number, key, value, TextPattern.Plain.EQUALS);
                case TYPE -> type = text(number, key, value);
                case LABEL -> label = text(number, key, value);
                default -> throw new IllegalStateException(key);
            }
        }
        if (type == null) {
            throw error(mapping.position(), "rule " + number + " has no 'type', which every rule needs"
                    + " (app, service, database, cache, message_broker, load_balancer, qt_desktop, ...)");
        }
        if (type.isBlank()) {
            throw error(valueOf(mapping, TYPE).position(), "rule " + number + " has an empty 'type'");
        }
        if (MATCH_KEYS.stream().noneMatch(seen::contains)) {
            throw error(mapping.position(), "rule " + number + " has no match field, so it would match every"
                    + " process; give it one of " + String.join(", ", MATCH_KEYS));
        }
        Position position = mapping.position();
        return new Rule(number, source + ":" + position, pid, name, commandLine, ports, user, executable, type, label);
    }

    private static TreeNode valueOf(TreeNode.Mapping mapping, String key) {
        return mapping.entries().stream().filter(entry -> entry.key().equals(key)).findFirst().orElseThrow().value();
    }

    /** A scalar's text: numbers and booleans count as their text, a list, mapping or null do not. */
    private String text(int rule, String key, TreeNode value) throws RuleFileException {
        if (value instanceof TreeNode.Scalar scalar && scalar.kind() != TreeNode.ScalarKind.NULL) {
            return scalar.text();
        }
        throw error(value.position(), "'" + key + "' in rule " + rule + " should be text, but is " + value.describe());
    }

    private TextPattern pattern(int rule, String key, TreeNode value, TextPattern.Plain plain) throws RuleFileException {
        String text = text(rule, key, value);
        TextPattern pattern;
        try {
            pattern = TextPattern.parse(text, plain);
        } catch (PatternSyntaxException e) {
            throw error(value.position(), "rule " + rule + " has an invalid regex in '" + key + "', "
                    + Printable.of(text) + ": " + e.getDescription() + (e.getIndex() >= 0 ? " near index " + e.getIndex() : ""));
        }
        if (pattern.matchesEverything()) {
            throw error(value.position(), "'" + key + "' in rule " + rule + " is empty, so it would match every"
                    + " process");
        }
        return pattern;
    }

    private long wholeNumber(int rule, String key, TreeNode value, long min, long max) throws RuleFileException {
        String what = "'" + key + "' in rule " + rule + " should be a whole number";
        if (!(value instanceof TreeNode.Scalar scalar)
                || !(scalar.kind() == TreeNode.ScalarKind.INTEGER || scalar.kind() == TreeNode.ScalarKind.TEXT)) {
            throw error(value.position(), what + ", but is " + value.describe());
        }
        String digits = scalar.text().strip().replace("_", "");
        long number;
        try {
            number = Long.decode(digits);
        } catch (NumberFormatException e) {
            if (digits.matches("[-+]?[0-9]+")) { // a whole number, only beyond a long
                throw error(value.position(), what + " from " + min + " to " + max + ", but is " + digits);
            }
            throw error(value.position(), what + ", but is " + value.describe());
        }
        if (number < min || number > max) {
            throw error(value.position(), what + " from " + min + " to " + max + ", but is " + number);
        }
        return number;
    }

    private Set<Integer> ports(int rule, TreeNode value) throws RuleFileException {
        List<TreeNode> items = value instanceof TreeNode.Sequence list ? list.items() : List.of(value);
        if (items.isEmpty()) {
            throw error(value.position(), "'" + PORT + "' in rule " + rule + " is an empty list");
        }
        Set<Integer> ports = new LinkedHashSet<>();
        for (TreeNode item : items) {
            ports.add((int) wholeNumber(rule, PORT, item, 1, 65535));
        }
        return ports;
    }

    private RuleFileException error(Position position, String problem) {
        return new RuleFileException(source, position.line(), position.column(), problem);
    }
}
