package io.procnet.rules.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

/**
 * Random regexes from a small grammar for the prefilter's property, each with texts it is likely
 * to match: the regex is a tree, and each node makes the texts it matches (mostly: a word
 * boundary, an anchor or a possessive quantifier may still fail), so that matches are common
 * rather than a random text's rare luck. The grammar holds what the prefilter reads (literals,
 * escapes, classes with Java's odd corners, groups, quantifiers lazy and possessive, alternation)
 * and what it must give up on (inline flags, quoting, back references, Unicode escapes).
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

    /** A node of the regex: how it is written, and texts it matches. */
    interface Node {
        String written();

        Arbitrary<String> texts();
    }

    private record Fixed(String written, List<String> matches) implements Node {
        @Override
        public Arbitrary<String> texts() {
            return Arbitraries.of(matches);
        }
    }

    private record Sequence(List<Node> nodes) implements Node {
        @Override
        public String written() {
            return nodes.stream().map(Node::written).collect(Collectors.joining());
        }

        @Override
        public Arbitrary<String> texts() {
            if (nodes.isEmpty()) {
                return Arbitraries.just("");
            }
            return Combinators.combine(nodes.stream().map(Node::texts).toList()).as(parts -> String.join("", parts));
        }
    }

    private record Alternatives(String open, List<Node> alternatives, String close) implements Node {
        @Override
        public String written() {
            return open + alternatives.stream().map(Node::written).collect(Collectors.joining("|")) + close;
        }

        @Override
        public Arbitrary<String> texts() {
            return Arbitraries.oneOf(alternatives.stream().map(Node::texts).toList());
        }
    }

    private record Quantified(Node atom, String quantifier, int min, int max) implements Node {
        @Override
        public String written() {
            return atom.written() + quantifier;
        }

        @Override
        public Arbitrary<String> texts() {
            return atom.texts().list().ofMinSize(min).ofMaxSize(max).map(parts -> String.join("", parts));
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

    /** Regexes with their flags, top-level alternatives of sequences. */
    static Arbitrary<Regex> regexes() {
        Arbitrary<Node> top = sequence(2).list().ofMinSize(1).ofMaxSize(3).withSizeDistribution(RandomDistribution.uniform())
                .map(list -> new Alternatives("", list, ""));
        return Combinators.combine(top, flags()).as(Regex::new);
    }

    /** Texts for a regex: what it likely matches, with noise around, or noise alone. */
    static Arbitrary<String> texts(Regex regex) {
        Arbitrary<String> noise = Arbitraries.strings().withChars(NOISE).ofMaxLength(6);
        Arbitrary<String> likely = Combinators.combine(noise, regex.root().texts(), noise).as((a, b, c) -> a + b + c);
        return Arbitraries.frequencyOf(List.of(Tuple.of(6, likely), Tuple.of(1, noise)));
    }

    private static Arbitrary<Integer> flags() {
        int caseInsensitive = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE; // what TextPattern's i gives
        return Arbitraries.frequency(Tuple.of(6, 0), Tuple.of(6, caseInsensitive), Tuple.of(2, Pattern.CASE_INSENSITIVE),
                Tuple.of(1, Pattern.MULTILINE), Tuple.of(1, Pattern.DOTALL), Tuple.of(1, Pattern.UNICODE_CHARACTER_CLASS),
                Tuple.of(1, caseInsensitive | Pattern.UNICODE_CHARACTER_CLASS), Tuple.of(1, Pattern.COMMENTS),
                Tuple.of(1, Pattern.LITERAL), Tuple.of(1, Pattern.CANON_EQ), Tuple.of(1, Pattern.CANON_EQ | caseInsensitive));
    }

    private static Arbitrary<Node> alternatives(String open, String close, int depth) {
        return sequence(depth).list().ofMinSize(1).ofMaxSize(3).map(list -> new Alternatives(open, list, close));
    }

    private static Arbitrary<Node> sequence(int depth) {
        return piece(depth).list().ofMinSize(1).ofMaxSize(6).withSizeDistribution(RandomDistribution.uniform())
                .map(Sequence::new);
    }

    /** An atom, a single character quantified, or a word: plain characters in a row, as command lines hold them. */
    private static Arbitrary<Node> piece(int depth) {
        Arbitrary<Node> quantified = Combinators.combine(single(), quantifiers())
                .as((node, q) -> new Quantified(node, q.written(), q.min(), q.max()));
        Arbitrary<Node> word = plain().list().ofMinSize(2).ofMaxSize(5).map(Sequence::new);
        return Arbitraries.frequencyOf(List.of(Tuple.of(8, atom(depth)), Tuple.of(3, quantified), Tuple.of(12, word)));
    }

    private record Quantifier(String written, int min, int max) {
    }

    private static Arbitrary<Quantifier> quantifiers() {
        Arbitrary<Quantifier> greedy = Arbitraries.of(new Quantifier("*", 0, 3), new Quantifier("+", 1, 3),
                new Quantifier("?", 0, 1), new Quantifier("{2}", 2, 2), new Quantifier("{0}", 0, 0),
                new Quantifier("{1,3}", 1, 3), new Quantifier("{0,2}", 0, 2), new Quantifier("{2,}", 2, 4));
        return Combinators.combine(greedy, Arbitraries.of("", "", "?", "+"))
                .as((q, mode) -> new Quantifier(q.written() + mode, q.min(), q.max()));
    }

    /** What a quantifier may follow: one character, an escape, a class, a group. */
    private static Arbitrary<Node> single() {
        return Arbitraries.frequencyOf(List.of(Tuple.of(6, plain()), Tuple.of(2, escaped()), Tuple.of(2, classEscapes()),
                Tuple.of(2, classes()), Tuple.of(1, plain().list().ofMinSize(1).ofMaxSize(3).<Node>map(Sequence::new)
                        .list().ofMinSize(1).ofMaxSize(3).map(words -> new Alternatives("(", words, ")")))));
    }

    private static Arbitrary<Node> atom(int depth) {
        List<Tuple2<Integer, Arbitrary<Node>>> choices = new ArrayList<>();
        choices.add(Tuple.of(10, plain()));
        choices.add(Tuple.of(4, escaped()));
        choices.add(Tuple.of(4, classEscapes()));
        choices.add(Tuple.of(2, nodes(fixed(".", "a", "\n", "\u00e9"), fixed("^", ""), fixed("$", ""))));
        choices.add(Tuple.of(4, classes()));
        // what the prefilter does not read, so it must give up
        choices.add(Tuple.of(1, nodes(
                fixed("\\Qa.b\\E", "a.b"), fixed("\\x41", "A"), fixed("\\u00e9", "\u00e9"), fixed("\\0101", "A"),
                fixed("\\p{L}", "k"), fixed("\\N{LATIN SMALL LETTER E WITH ACUTE}", "\u00e9"), fixed("\\cI", "\t"),
                fixed("(?i)", ""), fixed("(?-i)", ""), fixed("(?x)", ""), fixed("\uD83D\uDE00", "\uD83D\uDE00"),
                fixed("\\k<n>", ""), fixed("\\1", ""))));
        if (depth > 0) {
            choices.add(Tuple.of(4, Combinators.combine(Arbitraries.of("(", "(", "(", "(", "(", "(", "(?:", "(?i:", "(?=", "(?<n>"),
                    sequence(depth - 1).list().ofMinSize(1).ofMaxSize(3)).as((open, list) -> new Alternatives(open, list, ")"))));
        }
        return Arbitraries.frequencyOf(choices);
    }

    private static Arbitrary<Node> classEscapes() {
        return nodes(fixed("\\d", "7"), fixed("\\D", "x"), fixed("\\s", " "), fixed("\\S", "x"), fixed("\\w", "k"),
                fixed("\\W", "-"), fixed("\\b", ""), fixed("\\B", ""), fixed("\\t", "\t"), fixed("\\n", "\n"),
                fixed("\\R", "\r\n"), fixed("\\h", " "), fixed("\\A", ""), fixed("\\z", ""), fixed("\\Z", ""),
                fixed("\\G", ""), fixed("\\X", "e\u0301"), fixed("\\b{g}", ""));
    }

    /** Classes, with Java's corners: a ']' first is a member, classes nest and intersect, quoting inside. */
    private static Arbitrary<Node> classes() {
        return nodes(fixed("[abc]", "a", "c"), fixed("[^a]", "b", "K"), fixed("[a-c]", "b"), fixed("[]a]", "]", "a"),
                fixed("[^]a]", "b"), fixed("[a[bc]]", "a", "c"), fixed("[a-z&&[^b]]", "a", "z"),
                fixed("[\\]a]", "]"), fixed("[.]", "."), fixed("[|(]", "|", "("), fixed("[)]", ")"),
                fixed("[\\[]", "["), fixed("[a[]b]]", "]", "b"), fixed("[\\Q]abc[\\E]", "]", "a", "["),
                fixed("[\\\\]", "\\"), fixed("[-a]", "-"), fixed("[a-]", "-"), fixed("[^\\]]", "a"));
    }

    private static Arbitrary<Node> nodes(Node... nodes) {
        return Arbitraries.of(List.of(nodes));
    }

    private static Fixed fixed(String written, String... matches) {
        return new Fixed(written, List.of(matches));
    }

    /** A character that stands for itself, in texts in either case (or decomposed, for CANON_EQ). */
    private static Arbitrary<Node> plain() {
        Arbitrary<Character> ascii = Arbitraries.of(PLAIN.chars().mapToObj(c -> (char) c).toList());
        Arbitrary<Character> beyond = Arbitraries.of(PLAIN_BEYOND_ASCII.chars().mapToObj(c -> (char) c).toList());
        return Arbitraries.frequencyOf(List.of(Tuple.of(12, ascii), Tuple.of(1, beyond))).map(c -> {
            String itself = String.valueOf(c);
            List<String> matches = new ArrayList<>(List.of(itself, itself, itself, itself.toUpperCase(Locale.ROOT),
                    itself.toLowerCase(Locale.ROOT)));
            if (c == '\u00e9') {
                matches.add("e\u0301");
            }
            return new Fixed(String.valueOf(c), matches);
        });
    }

    private static Arbitrary<Node> escaped() {
        return Arbitraries.of(ESCAPED.chars().mapToObj(c -> (char) c).toList())
                .map(c -> new Fixed("\\" + c, List.of(String.valueOf(c))));
    }
}
