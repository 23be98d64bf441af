package io.procnet.rules.internal;

import java.util.List;

/**
 * A rule file as read, before any rule is made of it: lists, mappings and scalars, each with
 * its position. YAML and JSON both read into this, so one {@link RuleReader} checks both.
 */
public sealed interface TreeNode {

    Position position();

    /** What the node is, for error messages: "a list", "a mapping", "text", ... */
    String describe();

    /** A list. */
    record Sequence(Position position, List<TreeNode> items) implements TreeNode {
        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String describe() {
            return "a list";
        }
    }

    /** A mapping whose keys are text, in file order. */
    record Mapping(Position position, List<Entry> entries) implements TreeNode {
        public Mapping {
            entries = List.copyOf(entries);
        }

        @Override
        public String describe() {
            return "a mapping";
        }
    }

    /** One key of a mapping. */
    record Entry(String key, Position keyPosition, TreeNode value) {
    }

    /** A single value: its text as written (without quotes) and what kind of value the file made it. */
    record Scalar(Position position, String text, ScalarKind kind) implements TreeNode {
        @Override
        public String describe() {
            return switch (kind) {
                case TEXT -> "the text '" + Printable.of(text) + "'";
                case INTEGER -> "the number " + text;
                case DECIMAL -> "the number " + text;
                case BOOLEAN -> "the value " + text;
                case NULL -> "no value";
            };
        }
    }

    /** The kinds of scalar YAML and JSON both have. */
    enum ScalarKind {
        TEXT, INTEGER, DECIMAL, BOOLEAN, NULL
    }
}
