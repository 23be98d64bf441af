package io.procnet.rules.internal;

/**
 * A text that rules are matched against (a name, a command line), with its case-folded copy made
 * once, on first need, for the literal prefilters of case-insensitive regexes. Not thread-safe:
 * one per classification.
 */
public final class MatchText {
    private final String text;
    private String folded;

    public MatchText(String text) {
        this.text = text;
    }

    /** The text; null when unknown. */
    public String text() {
        return text;
    }

    /** The text with every character folded as {@link #fold(char)} does. */
    String folded() {
        if (folded == null && text != null) {
            char[] chars = text.toCharArray();
            for (int i = 0; i < chars.length; i++) {
                chars[i] = fold(chars[i]);
            }
            folded = new String(chars);
        }
        return folded;
    }

    /**
     * One character as a case-insensitive regex compares it: two characters match when their
     * upper or their lower cases are equal, and the lower case of the upper case covers both.
     */
    static char fold(char c) {
        return Character.toLowerCase(Character.toUpperCase(c));
    }
}
