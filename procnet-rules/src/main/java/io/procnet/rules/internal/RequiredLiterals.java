package io.procnet.rules.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Literal texts that any match of a regex must contain, so that the regex runs only on texts
 * that hold one of them: {@link String#contains} is many times faster than a regex that fails
 * at every position of a long command line. Each top-level alternative gives its longest run of
 * plain characters outside groups, classes and quantified atoms. A pattern this reading does not
 * fully understand gets no prefilter at all. Pure.
 */
final class RequiredLiterals {
    /** Shorter runs are in too many texts to be worth a check. */
    static final int MIN_LENGTH = 3;
    /** Escapes that stand for their character. */
    private static final String ESCAPED_LITERALS = "\\.-/[](){}*+?|^$#&~ \"'!%,:;<=>@_`";
    /**
     * Escapes of one letter that match something other than their letter: skipped. Any other
     * escape ({@code \Q}, {@code \x41}, {@code \p{L}}, {@code \k<name>}, {@code \1}, ...) has a
     * syntax this reading does not follow, and a pattern with one gets no prefilter.
     */
    private static final String CLASS_ESCAPES = "sSdDwWbBAzZGhHvVRXtnrfae";

    private RequiredLiterals() {
    }

    /**
     * One literal per top-level alternative, of which a match contains at least one; folded
     * lower case when the flags ignore case. Empty when some alternative has no required
     * literal of {@value #MIN_LENGTH} characters or more, or the pattern is beyond this reading.
     */
    static Optional<List<String>> of(String pattern, int flags) {
        if ((flags & (Pattern.COMMENTS | Pattern.LITERAL | Pattern.CANON_EQ)) != 0 || pattern.contains("(?")
                || pattern.contains("\\Q") || pattern.chars().anyMatch(c -> Character.isSurrogate((char) c))) {
            // free spacing, inline flags and quoting change what characters mean; canonical
            // equivalence matches an é in the pattern to an e and a combining accent in the text;
            // a quantifier after a character beyond the BMP applies to both its halves
            return Optional.empty();
        }
        boolean ignoreCase = (flags & Pattern.CASE_INSENSITIVE) != 0;
        List<String> literals = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        String longest = "";
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            Character literal = null;
            switch (c) {
                case '\\' -> {
                    if (i + 1 == pattern.length()) {
                        return Optional.empty();
                    }
                    char escaped = pattern.charAt(++i);
                    if (ESCAPED_LITERALS.indexOf(escaped) >= 0) {
                        literal = escaped;
                    } else if (CLASS_ESCAPES.indexOf(escaped) < 0) {
                        return Optional.empty();
                    }
                }
                case '(' -> {
                    i = skipGroup(pattern, i);
                    if (i == -1) {
                        return Optional.empty();
                    }
                }
                case '[' -> {
                    i = skipClass(pattern, i);
                    if (i == -1) {
                        return Optional.empty();
                    }
                }
                case '|' -> {
                    longest = longer(longest, run);
                    if (longest.length() < MIN_LENGTH) {
                        return Optional.empty();
                    }
                    literals.add(longest);
                    longest = "";
                    run.setLength(0);
                    continue;
                }
                case ')' -> {
                    return Optional.empty(); // unbalanced: let the regex engine say so
                }
                case '{' -> {
                    i = pattern.indexOf('}', i); // a counted quantifier: "a{2,3}" holds no literal 2
                    if (i == -1) {
                        return Optional.empty();
                    }
                }
                case '.', '^', '$', '*', '+', '?' -> {
                    // an atom that is no literal, or a quantifier: ends the run below
                }
                default -> literal = c;
            }
            // i is at the atom's last character; what follows may quantify it
            char quantifier = i + 1 < pattern.length() ? pattern.charAt(i + 1) : 0;
            if (literal != null && quantifier != '*' && quantifier != '?' && quantifier != '{') {
                if (ignoreCase && literal > 127) {
                    return Optional.empty(); // folding beyond ASCII is not one character to one
                }
                run.append(ignoreCase ? MatchText.fold(literal) : literal);
                if (quantifier != '+') {
                    continue;
                }
            }
            longest = longer(longest, run);
            run.setLength(0);
        }
        longest = longer(longest, run);
        if (longest.length() < MIN_LENGTH) {
            return Optional.empty();
        }
        literals.add(longest);
        return Optional.of(List.copyOf(literals));
    }

    private static String longer(String longest, StringBuilder run) {
        return run.length() > longest.length() ? run.toString() : longest;
    }

    /** The index of the ')' that closes the group opening at {@code open}, or -1. */
    private static int skipGroup(String pattern, int open) {
        int depth = 0;
        for (int i = open; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                i = skipClass(pattern, i);
                if (i == -1) {
                    return -1;
                }
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** The index of the ']' that closes the class opening at {@code open} (classes nest in Java), or -1. */
    private static int skipClass(String pattern, int open) {
        int depth = 0;
        for (int i = open; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                depth++;
                if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '^') {
                    i++;
                }
                if (i + 1 < pattern.length() && pattern.charAt(i + 1) == ']') {
                    i++; // a ']' first in a class is a literal
                }
            } else if (c == ']' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
