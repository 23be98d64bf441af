package io.procnet.export;

import io.procnet.graph.Edge;
import io.procnet.graph.GroupNode;
import io.procnet.graph.Node;
import io.procnet.graph.ProcessNode;
import java.util.List;
import java.util.Locale;

/**
 * What the renderings share: process-supplied text made visible and one line, its width on a
 * terminal, and the words of node and edge labels. Each renderer then escapes for its own syntax.
 */
final class Text {
    /**
     * Code point ranges, ascending, that terminals draw two columns wide: East Asian wide and
     * full-width characters and the emoji blocks (a close enough subset of Unicode's East Asian
     * Width property for aligning names, not a full table).
     */
    private static final int[] WIDE = {
        0x1100, 0x115F, 0x231A, 0x231B, 0x2329, 0x232A, 0x23E9, 0x23EC, 0x23F0, 0x23F0, 0x23F3, 0x23F3,
        0x25FD, 0x25FE, 0x2614, 0x2615, 0x2648, 0x2653, 0x267F, 0x267F, 0x2693, 0x2693, 0x26A1, 0x26A1,
        0x26AA, 0x26AB, 0x26BD, 0x26BE, 0x26C4, 0x26C5, 0x26CE, 0x26CE, 0x26D4, 0x26D4, 0x26EA, 0x26EA,
        0x26F2, 0x26F3, 0x26F5, 0x26F5, 0x26FA, 0x26FA, 0x26FD, 0x26FD, 0x2705, 0x2705, 0x270A, 0x270B,
        0x2728, 0x2728, 0x274C, 0x274C, 0x274E, 0x274E, 0x2753, 0x2755, 0x2757, 0x2757, 0x2795, 0x2797,
        0x27B0, 0x27B0, 0x27BF, 0x27BF, 0x2B1B, 0x2B1C, 0x2B50, 0x2B50, 0x2B55, 0x2B55, 0x2E80, 0x303E,
        0x3041, 0x33FF, 0x3400, 0x4DBF, 0x4E00, 0x9FFF, 0xA000, 0xA4CF, 0xA960, 0xA97F, 0xAC00, 0xD7A3,
        0xF900, 0xFAFF, 0xFE10, 0xFE19, 0xFE30, 0xFE6F, 0xFF00, 0xFF60, 0xFFE0, 0xFFE6, 0x16FE0, 0x16FE4,
        0x17000, 0x18AFF, 0x1B000, 0x1B2FF, 0x1F004, 0x1F004, 0x1F0CF, 0x1F0CF, 0x1F18E, 0x1F18E,
        0x1F191, 0x1F19A, 0x1F200, 0x1F251, 0x1F300, 0x1F64F, 0x1F680, 0x1F6FF, 0x1F7E0, 0x1F7EB,
        0x1F90C, 0x1F9FF, 0x1FA70, 0x1FAFF, 0x20000, 0x3FFFD,
    };

    private Text() {
    }

    /**
     * {@code text} with every character that could move the cursor, end the line or reorder what
     * follows written as a visible escape: {@code \n}, {@code \r}, {@code \t}, and a backslash, {@code u}
     * and four hex digits (a capital {@code U} and eight beyond the BMP) for other controls (C0, C1,
     * DEL), format characters (bidirectional overrides, zero-width
     * characters), line and paragraph separators and unpaired surrogates. Everything else, other
     * scripts and emoji included, is kept. A backslash is kept as it is: this is for people to read.
     */
    static String visible(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int next = i + Character.charCount(c);
            if (hidden(c)) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 8).append(text, 0, i);
                }
                switch (c) {
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> out.append(String.format(Locale.ROOT, c > 0xFFFF ? "\\U%08x" : "\\u%04x", c));
                }
            } else if (out != null) {
                out.appendCodePoint(c);
            }
            i = next;
        }
        return out == null ? text : out.toString();
    }

    private static boolean hidden(int c) {
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.SURROGATE -> true;
            default -> false;
        };
    }

    /**
     * The columns a terminal gives {@code text}, once {@link #visible}: two for wide characters and
     * emoji, none for combining marks (accents, variation selectors), one for the rest.
     */
    static int width(String text) {
        int width = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            int type = Character.getType(c);
            if (type != Character.NON_SPACING_MARK && type != Character.ENCLOSING_MARK) {
                width += wide(c) ? 2 : 1;
            }
        }
        return width;
    }

    private static boolean wide(int c) {
        if (c < WIDE[0]) {
            return false;
        }
        int low = 0;
        int high = WIDE.length / 2 - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (c < WIDE[2 * middle]) {
                high = middle - 1;
            } else if (c > WIDE[2 * middle + 1]) {
                low = middle + 1;
            } else {
                return true;
            }
        }
        return false;
    }

    /**
     * The lines of a node's label, each {@link #visible}: a process's label and pid, a group's
     * label and number of members, a remote's or a listener's label.
     */
    static List<String> nodeLines(Node node) {
        String label = visible(node.label());
        if (node instanceof ProcessNode process) {
            return List.of(label, "pid " + process.process().pid());
        }
        if (node instanceof GroupNode group) {
            return List.of(label, group.members().size() + " processes");
        }
        return List.of(label);
    }

    /** An edge's label: protocol and server port, and the number of connections where more than one: {@code tcp/5432 ×3}. */
    static String edgeLabel(Edge edge) {
        String label = edge.protocol().id() + "/" + edge.serverPort();
        return edge.count() > 1 ? label + " \u00d7" + edge.count() : label;
    }
}
