package io.procnet.rules.internal;

import io.procnet.rules.RuleFileException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/** Reads YAML text into a {@link TreeNode}, through SnakeYAML's node graph, which keeps every position. */
final class YamlTree {
    /**
     * Nodes read at most. Aliases can make a short file stand for an enormous tree (a list of
     * two aliases of a list of two aliases ...); no rule file needs more than this.
     */
    static final int MAX_NODES = 100_000;

    private final SourceText source;
    /** The nodes being converted, to find an alias that refers to one of its own ancestors. */
    private final Set<Node> open = Collections.newSetFromMap(new IdentityHashMap<>());
    private int nodes;

    private YamlTree(SourceText source) {
        this.source = source;
    }

    /** The tree of {@code text}, or null when it holds no document (empty, or only comments). */
    static TreeNode read(String text, String name) throws RuleFileException {
        YamlTree tree = new YamlTree(new SourceText(name, text));
        Node root = tree.compose();
        return root == null ? null : tree.convert(root);
    }

    private Node compose() throws RuleFileException {
        LoaderOptions options = new LoaderOptions();
        // the text's size is bounded where a file is read (RuleFiles.MAX_BYTES), not by SnakeYAML's 3 MiB
        options.setCodePointLimit(Integer.MAX_VALUE);
        while (true) {
            PlacedParser parser = new PlacedParser(new ParserImpl(new StreamReader(source.text()), options));
            try {
                return new Composer(parser, new Resolver(), options).getSingleNode();
            } catch (MarkedYAMLException e) {
                Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
                String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
                boolean unknownEscape = problem != null && problem.startsWith("found unknown escape character");
                if (unknownEscape && mark != null && source.repairEscapeAt(source.indexOfCodePoint(mark.getIndex()) - 1)) {
                    continue;
                }
                throw error(mark, "not valid YAML: " + describe(e));
            } catch (ReaderException e) {
                // a lone high surrogate at the very end is reported one past it, counted in chars
                int at = e.getMessage().startsWith("The last char is HighSurrogate") ? source.text().length() - 1
                        : source.indexOfCodePoint(e.getPosition());
                throw source.errorAt(at, "not valid YAML: " + oneLine(e.getMessage())
                        + String.format(" (U+%04X)", e.getCodePoint()));
            } catch (YAMLException e) {
                // the composer's limits (nesting, aliases of collections) give no place: the node it looked at is it
                throw error(parser.at, "not valid YAML: " + oneLine(e.getMessage()));
            }
        }
    }

    /** A parser that remembers where the node the composer last asked about starts. */
    private static final class PlacedParser implements Parser {
        private final Parser parser;
        private Mark at;

        PlacedParser(Parser parser) {
            this.parser = parser;
        }

        @Override
        public boolean checkEvent(Event.ID choice) {
            boolean is = parser.checkEvent(choice);
            if (is) {
                at = parser.peekEvent().getStartMark();
            }
            return is;
        }

        @Override
        public Event peekEvent() {
            return parser.peekEvent();
        }

        @Override
        public Event getEvent() {
            return parser.getEvent();
        }
    }

    private TreeNode convert(Node node) throws RuleFileException {
        if (++nodes > MAX_NODES) {
            throw error(node.getStartMark(), "the file stands for more than " + MAX_NODES
                    + " values (through aliases); a rule file needs far fewer");
        }
        if (!open.add(node)) {
            throw error(node.getStartMark(), "an alias refers to a value that contains it");
        }
        try {
            return convertOpen(node);
        } finally {
            open.remove(node);
        }
    }

    private TreeNode convertOpen(Node node) throws RuleFileException {
        Position position = position(node.getStartMark());
        if (node instanceof ScalarNode scalar) {
            return new TreeNode.Scalar(position, scalar.getValue(), kindOf(scalar.getTag()));
        }
        if (node instanceof SequenceNode sequence) {
            List<TreeNode> items = new ArrayList<>();
            for (Node item : sequence.getValue()) {
                items.add(convert(item));
            }
            return new TreeNode.Sequence(position, items);
        }
        if (node instanceof MappingNode mapping) {
            List<TreeNode.Entry> entries = new ArrayList<>();
            for (NodeTuple tuple : mapping.getValue()) {
                if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                    throw error(tuple.getKeyNode().getStartMark(), "a key must be plain text");
                }
                entries.add(new TreeNode.Entry(key.getValue(), position(key.getStartMark()), convert(tuple.getValueNode())));
            }
            return new TreeNode.Mapping(position, entries);
        }
        throw error(node.getStartMark(), "unsupported YAML node " + node.getNodeId());
    }

    private static TreeNode.ScalarKind kindOf(Tag tag) {
        if (Tag.INT.equals(tag)) {
            return TreeNode.ScalarKind.INTEGER;
        }
        if (Tag.FLOAT.equals(tag)) {
            return TreeNode.ScalarKind.DECIMAL;
        }
        if (Tag.BOOL.equals(tag)) {
            return TreeNode.ScalarKind.BOOLEAN;
        }
        if (Tag.NULL.equals(tag)) {
            return TreeNode.ScalarKind.NULL;
        }
        return TreeNode.ScalarKind.TEXT;
    }

    private Position position(Mark mark) {
        return source.position(index(mark));
    }

    private RuleFileException error(Mark mark, String problem) {
        return source.errorAt(index(mark), problem);
    }

    private int index(Mark mark) {
        return mark == null ? 0 : source.indexOfCodePoint(mark.getIndex());
    }

    /**
     * SnakeYAML's problem, with its context where there is one: what it was reading and where
     * that started ("while scanning a quoted scalar"), or the first half of a sentence the
     * problem ends ("expected a single document in the stream", "but found another document").
     */
    private String describe(MarkedYAMLException e) {
        String problem = oneLine(e.getProblem() != null ? e.getProblem() : e.getContext());
        if (e.getProblem() == null || e.getContext() == null) {
            return problem;
        }
        if (problem.startsWith("but ")) {
            return oneLine(e.getContext()) + ", " + problem;
        }
        return problem + " (" + oneLine(e.getContext())
                + (e.getContextMark() == null ? "" : " at " + position(e.getContextMark())) + ")";
    }

    private static String oneLine(String text) {
        return text == null ? "unknown problem" : text.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
