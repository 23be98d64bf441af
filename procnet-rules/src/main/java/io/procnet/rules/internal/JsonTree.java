package io.procnet.rules.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.procnet.rules.RuleFileException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads JSON text into a {@link TreeNode} with Jackson's streaming parser, which gives each token's position. */
final class JsonTree {
    private static final JsonFactory FACTORY = new JsonFactory();
    /**
     * Where Jackson's messages name the list or mapping left open ("start marker at [Source: ...;
     * line: 1, column: 2]"): in its own count of columns, so it is replaced by the position of the
     * innermost open one in this class's.
     */
    private static final Pattern JACKSON_LOCATION = Pattern.compile("\\[Source: [^\\]]*\\]");

    private final SourceText source;
    /** The positions of the lists and mappings open at the parser's current token, innermost first. */
    private final Deque<Position> open = new ArrayDeque<>();

    private JsonTree(SourceText source) {
        this.source = source;
    }

    /** The tree of {@code text}, or null when it holds nothing but white space. */
    static TreeNode read(String text, String name) throws RuleFileException {
        JsonTree tree = new JsonTree(new SourceText(name, text));
        while (true) {
            try {
                return tree.parse();
            } catch (JsonProcessingException e) {
                String problem = e.getOriginalMessage() == null ? "unknown problem" : e.getOriginalMessage();
                JsonLocation location = e.getLocation();
                if (problem.startsWith("Unrecognized character escape") && location != null
                        && tree.source.repairEscapeAt(tree.source.backslashBefore((int) location.getCharOffset()))) {
                    continue;
                }
                throw tree.error(location, "not valid JSON: " + tree.withOurPositions(problem));
            } catch (IOException e) {
                throw new UncheckedIOException("a String source does no I/O", e);
            }
        }
    }

    private TreeNode parse() throws IOException, RuleFileException {
        open.clear();
        try (JsonParser parser = FACTORY.createParser(source.text())) {
            try {
                if (parser.nextToken() == null) {
                    return null;
                }
                TreeNode root = value(parser);
                if (parser.nextToken() != null) {
                    throw error(parser.currentTokenLocation(), "unexpected content after " + root.describe()
                            + ", which should be the whole file");
                }
                return root;
            } catch (StreamConstraintsException e) {
                // a limit (nesting, number length) gives no place: it is the token just read
                throw error(parser.currentTokenLocation(), "not valid JSON: " + withOurPositions(e.getOriginalMessage()));
            }
        }
    }

    /** Jackson's message on one line, with the place of an open list or mapping in this file's positions. */
    private String withOurPositions(String problem) {
        String line = problem.strip().replaceAll("\\s*\\R\\s*", " ");
        return open.isEmpty() ? line
                : JACKSON_LOCATION.matcher(line).replaceAll(Matcher.quoteReplacement(open.peek().toString()));
    }

    /** The value that starts at the parser's current token, which is left on its last token. */
    private TreeNode value(JsonParser parser) throws IOException {
        Position position = position(parser.currentTokenLocation());
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_ARRAY: {
                open.push(position);
                List<TreeNode> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(value(parser));
                }
                open.pop();
                return new TreeNode.Sequence(position, items);
            }
            case START_OBJECT: {
                open.push(position);
                List<TreeNode.Entry> entries = new ArrayList<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    Position keyPosition = position(parser.currentTokenLocation());
                    parser.nextToken();
                    entries.add(new TreeNode.Entry(key, keyPosition, value(parser)));
                }
                open.pop();
                return new TreeNode.Mapping(position, entries);
            }
            case VALUE_STRING:
                return new TreeNode.Scalar(position, parser.getText(), TreeNode.ScalarKind.TEXT);
            case VALUE_NUMBER_INT:
                return new TreeNode.Scalar(position, parser.getText(), TreeNode.ScalarKind.INTEGER);
            case VALUE_NUMBER_FLOAT:
                return new TreeNode.Scalar(position, parser.getText(), TreeNode.ScalarKind.DECIMAL);
            case VALUE_TRUE:
            case VALUE_FALSE:
                return new TreeNode.Scalar(position, parser.getText(), TreeNode.ScalarKind.BOOLEAN);
            case VALUE_NULL:
                return new TreeNode.Scalar(position, "null", TreeNode.ScalarKind.NULL);
            default:
                throw new IllegalStateException("unexpected JSON token " + token); // the parser rejects the rest
        }
    }

    private Position position(JsonLocation location) {
        return source.position(index(location));
    }

    private RuleFileException error(JsonLocation location, String problem) {
        return source.errorAt(index(location), problem);
    }

    private static int index(JsonLocation location) {
        return location == null ? 0 : (int) Math.max(0, location.getCharOffset());
    }
}
