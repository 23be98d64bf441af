package io.procnet.rules.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Random regexes from a small grammar for the prefilter's property, each with texts it is likely
 * to match: the regex is a tree, and each node makes the texts it matches (mostly: a word
 * boundary, an anchor or a possessive quantifier may still fail), so that matches are common
 * rather than a random text's rare luck. The grammar holds what the prefilter reads (literals,
 * escapes, classes with Java's odd corners, groups, quantifiers lazy and possessive, alternation)
 * and what it must give up on (inline flags, quoting, back references, Unicode escapes). Drawn
 * from a trial's seeded {@link SplittableRandom} (see {@code io.procnet.testkit.Trials}).
 */
final class RegexGrammar {
    /** Characters that stand for themselves; a ']' or '}' alone is one too. */
    private static final String PLAIN = "abckKsSiIxyz019-/=& ]}";
    /** Letters beyond ASCII, rarer: a case-insensitive regex folds the Kelvin sign to k, the long s to s, dotted and dotless I to i. */
    private static final String PLAIN_BEYOND_ASCII = "\u00e9\u00c9\u017f\u212a\u0130\u0131";
    /** Characters that are special in a regex, written with a backslash. */
    private static final String ESCAPED = ".-/[](){}*+?|^$\\#&~ \"'!%,:;<=>@_`";
    /** Characters the texts are padded with. */
    private static final String NOISE = "abckKsS019 -.\n\u00e9\u212a\u017f";

    private RegexGrammar() {
    }

    /** A node of the regex: how it is written, and a text it matches. */
    interface Node {
        String written();

        String text(SplittableRandom random);
    }

    private record Fixed(String written, List<String> matches) implements Node {
        @Override
        public String text(SplittableRandom random) {
            return matches.get(random.nextInt(matches.size()));
        }
    }

    private record Sequence(List<Node> nodes) implements Node {
        @Override
        public String written() {
            return nodes.stream().map(Node::written).collect(Collectors.joining());
        }

        @Override
        public String text(SplittableRandom random) {
            StringBuilder text = new StringBuilder();
            nodes.forEach(node -> text.append(node.text(random)));
            return text.toString();
        }
    }

    private record Alternatives(String open, List<Node> alternatives, String close) implements Node {
        @Override
        public String written() {
            return open + alternatives.stream().map(Node::written).collect(Collectors.joining("|")) + close;
        }

        @Override
        public String text(SplittableRandom random) {
            return alternatives.get(random.nextInt(alternatives.size())).text(random);
        }
    }

    private record Quantified(Node atom, String quantifier, int min, int max) implements Node {
        @Override
        public String written() {
            return atom.written() + quantifier;
        }

        @Override
        public String text(SplittableRandom random) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(min, max + 1); i > 0; i--) {
                text.append(atom.text(random));
            }
            return text.toString();
        }
    }

    /** A whole regex and the flags to compile it with. */
    record Regex(Node root, int flags) {
        String written() {
            return root.written();
        }

        @Override
        public String toString() {
            return "/" + written() + "/ flags " + flags;
        }
    }

    /** A regex with its flags: top-level alternatives of sequences. */
    static Regex regex(SplittableRandom random) {
        return new Regex(new Alternatives("", list(random, 1, 3, r -> sequence(r, 2)), ""), flags(random));
    }

    /** A text for a regex: what it likely matches, with noise around (6 in 7), or noise alone. */
    static String text(Regex regex, SplittableRandom random) {
        return random.nextInt(7) < 6 ? noise(random) + regex.root().text(random) + noise(random) : noise(random);
    }

    private static String noise(SplittableRandom random) {
        StringBuilder noise = new StringBuilder();
        for (int i = random.nextInt(7); i > 0; i--) {
            noise.append(NOISE.charAt(random.nextInt(NOISE.length())));
        }
        return noise.toString();
    }

    private static int flags(SplittableRandom random) {
        int caseInsensitive = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE; // what TextPattern's i gives
        return weighted(random, new int[] {6, 6, 2, 1, 1, 1, 1, 1, 1, 1, 1}, new Integer[] {0, caseInsensitive,
            Pattern.CASE_INSENSITIVE, Pattern.MULTILINE, Pattern.DOTALL, Pattern.UNICODE_CHARACTER_CLASS,
            caseInsensitive | Pattern.UNICODE_CHARACTER_CLASS, Pattern.COMMENTS, Pattern.LITERAL, Pattern.CANON_EQ,
            Pattern.CANON_EQ | caseInsensitive});
    }

    private static Node sequence(SplittableRandom random, int depth) {
        return new Sequence(list(random, 1, 6, r -> piece(r, depth)));
    }

    /** An atom, a single character quantified, or a word: plain characters in a row, as command lines hold them. */
    private static Node piece(SplittableRandom random, int depth) {
        int choice = random.nextInt(8 + 3 + 12);
        if (choice < 8) {
            return atom(random, depth);
        }
        if (choice < 11) {
            Node single = single(random);
            String[] greedy = {"*", "+", "?", "{2}", "{0}", "{1,3}", "{0,2}", "{2,}"};
            int[][] bounds = {{0, 3}, {1, 3}, {0, 1}, {2, 2}, {0, 0}, {1, 3}, {0, 2}, {2, 4}};
            int q = random.nextInt(greedy.length);
            String mode = new String[] {"", "", "?", "+"}[random.nextInt(4)];
            return new Quantified(single, greedy[q] + mode, bounds[q][0], bounds[q][1]);
        }
        return new Sequence(list(random, 2, 5, RegexGrammar::plain));
    }

    /** What a quantifier may follow: one character, an escape, a class, a group. */
    private static Node single(SplittableRandom random) {
        int choice = random.nextInt(6 + 2 + 2 + 2 + 1);
        if (choice < 6) {
            return plain(random);
        }
        if (choice < 8) {
            return escaped(random);
        }
        if (choice < 10) {
            return pick(random, classEscapes());
        }
        if (choice < 12) {
            return pick(random, classes());
        }
        return new Alternatives("(", list(random, 1, 3, r -> new Sequence(list(r, 1, 3, RegexGrammar::plain))), ")");
    }

    private static Node atom(SplittableRandom random, int depth) {
        int choice = random.nextInt(10 + 4 + 4 + 2 + 4 + 1 + (depth > 0 ? 4 : 0));
        if (choice < 10) {
            return plain(random);
        }
        if (choice < 14) {
            return escaped(random);
        }
        if (choice < 18) {
            return pick(random, classEscapes());
        }
        if (choice < 20) {
            return pick(random, List.of(fixed(".", "a", "\n", "\u00e9"), fixed("^", ""), fixed("$", "")));
        }
        if (choice < 24) {
            return pick(random, classes());
        }
        if (choice < 25) { // what the prefilter does not read, so it must give up
            return pick(random, List.of(
                    fixed("\\Qa.b\\E", "a.b"), fixed("\\x41", "A"), fixed("\\u00e9", "\u00e9"), fixed("\\0101", "A"),
                    fixed("\\p{L}", "k"), fixed("\\N{LATIN SMALL LETTER E WITH ACUTE}", "\u00e9"), fixed("\\cI", "\t"),
                    fixed("(?i)", ""), fixed("(?-i)", ""), fixed("(?x)", ""), fixed("\uD83D\uDE00", "\uD83D\uDE00"),
                    fixed("\\k<n>", ""), fixed("\\1", "")));
        }
        String[] opens = {"(", "(", "(", "(", "(", "(", "(?:", "(?i:", "(?=", "(?<n>"};
        return new Alternatives(opens[random.nextInt(opens.length)], list(random, 1, 3, r -> sequence(r, depth - 1)), ")");
    }

    private static List<Node> classEscapes() {
        return List.of(fixed("\\d", "7"), fixed("\\D", "x"), fixed("\\s", " "), fixed("\\S", "x"), fixed("\\w", "k"),
                fixed("\\W", "-"), fixed("\\b", ""), fixed("\\B", ""), fixed("\\t", "\t"), fixed("\\n", "\n"),
                fixed("\\R", "\r\n"), fixed("\\h", " "), fixed("\\A", ""), fixed("\\z", ""), fixed("\\Z", ""),
                fixed("\\G", ""), fixed("\\X", "e\u0301"), fixed("\\b{g}", ""));
    }

    /** Classes, with Java's corners: a ']' first is a member, classes nest and intersect, quoting inside. */
    private static List<Node> classes() {
        return List.of(fixed("[abc]", "a", "c"), fixed("[^a]", "b", "K"), fixed("[a-c]", "b"), fixed("[]a]", "]", "a"),
                fixed("[^]a]", "b"), fixed("[a[bc]]", "a", "c"), fixed("[a-z&&[^b]]", "a", "z"),
                fixed("[\\]a]", "]"), fixed("[.]", "."), fixed("[|(]", "|", "("), fixed("[)]", ")"),
                fixed("[\\[]", "["), fixed("[a[]b]]", "]", "b"), fixed("[\\Q]abc[\\E]", "]", "a", "["),
                fixed("[\\\\]", "\\"), fixed("[-a]", "-"), fixed("[a-]", "-"), fixed("[^\\]]", "a"));
    }

    private static Fixed fixed(String written, String... matches) {
        return new Fixed(written, List.of(matches));
    }

    /** A character that stands for itself, in texts in either case (or decomposed, for CANON_EQ). */
    private static Node plain(SplittableRandom random) {
        String from = random.nextInt(13) < 12 ? PLAIN : PLAIN_BEYOND_ASCII;
        char c = from.charAt(random.nextInt(from.length()));
        String itself = String.valueOf(c);
        List<String> matches = new ArrayList<>(List.of(itself, itself, itself, itself.toUpperCase(Locale.ROOT),
                itself.toLowerCase(Locale.ROOT)));
        if (c == '\u00e9') {
            matches.add("e\u0301");
        }
        return new Fixed(itself, matches);
    }

    private static Node escaped(SplittableRandom random) {
        char c = ESCAPED.charAt(random.nextInt(ESCAPED.length()));
        return new Fixed("\\" + c, List.of(String.valueOf(c)));
    }

    private static <T> List<T> list(SplittableRandom random, int min, int max, Function<SplittableRandom, T> element) {
        List<T> list = new ArrayList<>();
        for (int i = random.nextInt(min, max + 1); i > 0; i--) {
            list.add(element.apply(random));
        }
        return list;
    }

    private static <T> T pick(SplittableRandom random, List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    private static <T> T weighted(SplittableRandom random, int[] weights, T[] values) {
        int total = 0;
        for (int weight : weights) {
            total += weight;
        }
        int at = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            at -= weights[i];
            if (at < 0) {
                return values[i];
            }
        }
        throw new AssertionError("weights sum to " + total);
    }
}
