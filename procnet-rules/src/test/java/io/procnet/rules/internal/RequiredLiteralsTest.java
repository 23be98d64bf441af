package io.procnet.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.procnet.testkit.Trials;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.junit.jupiter.api.Test;

class RequiredLiteralsTest {

    private static Optional<List<String>> of(String pattern) {
        return RequiredLiterals.of(pattern, 0);
    }

    @Test
    void eachAlternativeGivesItsLongestRequiredRun() {
        assertThat(of("--port\\s+(3000|5173)")).contains(List.of("--port"));
        assertThat(RequiredLiterals.of("--PORT\\s+(3000|5173)", Pattern.CASE_INSENSITIVE)).contains(List.of("--port"));
        assertThat(of("qtwebengine|qtcreator")).contains(List.of("qtwebengine", "qtcreator"));
        assertThat(of("org\\.apache\\.kafka")).contains(List.of("org.apache.kafka"));
        assertThat(of("ab*cdef")).contains(List.of("cdef")); // b is optional, a alone is too short
        assertThat(of("abc+de")).contains(List.of("abc"));
        assertThat(of("x{2,3}yzw")).contains(List.of("yzw"));
        assertThat(of("[abc]def(gh)?ijk")).contains(List.of("def"));
    }

    @Test
    void escapesClassesAndGroupsEndARunOrBelongToIt() {
        assertThat(of("ab\\\\cd")).contains(List.of("ab\\cd")); // an escaped backslash is a literal
        assertThat(of("x\\.y\\.z")).contains(List.of("x.y.z"));
        assertThat(of("abc\\sdef")).contains(List.of("abc")); // a class escape ends the run; the first longest wins
        assertThat(of("ab\\.?cde")).contains(List.of("cde"));
        assertThat(of("abcd+e")).contains(List.of("abcd"));
        assertThat(of("abc(d[ef])ghij")).contains(List.of("ghij"));
        assertThat(of("x(a(b)c)yzw")).contains(List.of("yzw"));
        assertThat(of("(a\\))bcd")).contains(List.of("bcd"));
        assertThat(of("[^a]bcd")).contains(List.of("bcd"));
        assertThat(of("[]a]bcd")).contains(List.of("bcd")); // a ']' first in a class is a member
        assertThat(of("[^]a]bcd")).contains(List.of("bcd"));
        assertThat(of("[a[]b]]cde")).contains(List.of("cde"));
        assertThat(of("[\\]]bcd")).contains(List.of("bcd"));
        assertThat(of("abc|defg")).contains(List.of("abc", "defg")); // three characters are enough
        assertThat(RequiredLiterals.of("ab\u007fcd", Pattern.CASE_INSENSITIVE)).contains(List.of("ab\u007fcd"));
        assertThat(RequiredLiterals.of("ab\u0080cd", Pattern.CASE_INSENSITIVE)).isEmpty();
    }

    @Test
    void patternsTheRegexEngineRejectsGetNoPrefilterAndNoError() {
        for (String invalid : List.of("abc\\", "(abc", "x(a[bc", "x(ab\\", "[abc", "abc[", "abc[^", "abc[^]", "a{2bcd",
                "abc)", "abc\\y")) {
            assertThat(of(invalid)).as(invalid).isEmpty();
        }
    }

    @Test
    void patternsWithoutAReliableLiteralGetNoPrefilter() {
        assertThat(of("^(postgres|postmaster)$")).isEmpty(); // everything is inside a group
        assertThat(of("nginx|.*")).isEmpty(); // one alternative needs nothing
        assertThat(of("ab")).isEmpty(); // too short to be worth it
        assertThat(of("ab|defg")).isEmpty();
        assertThat(of("\\x41bcd")).isEmpty(); // escapes with a syntax of their own
        assertThat(of("\\p{L}bcd")).isEmpty();
        assertThat(of("(a)\\1bcd")).isEmpty();
        assertThat(of("(?i)nginx")).isEmpty(); // inline flags
        assertThat(of("\\Qa.b\\E")).isEmpty();
        assertThat(of("caf\\u00e9s")).isEmpty();
        assertThat(RequiredLiterals.of("café", Pattern.CASE_INSENSITIVE)).isEmpty();
        assertThat(RequiredLiterals.of("nginx", Pattern.COMMENTS)).isEmpty();
        assertThat(of("a)bcd")).isEmpty();
        assertThat(of("[\\Q]abc[\\E]")).isEmpty(); // quoting: one class that matches "]abc["
        assertThat(of("ab\uD83D\uDE00?cd")).isEmpty(); // the ? applies to the whole emoji
        // found by the property: with canonical equivalence "\u00e9aa" matches "e\u0301aa", which does not hold it
        assertThat(RequiredLiterals.of("\u00e9aa", Pattern.CANON_EQ)).isEmpty();
        assertThat(Pattern.compile("\u00e9aa", Pattern.CANON_EQ).matcher("e\u0301aa").find()).isTrue();
    }

    @Test
    void thePrefilterNeverChangesWhatMatches() {
        List<String> patterns = List.of("/--port\\s+(3000|5173)/i", "/qt|qtwebengine/i", "/org\\.apache\\.kafka|kafka\\.Kafka/",
                "/ab*cdef/", "/abc+de/", "/x{2}yzw/i", "/[abc]def(gh)?ijk/", "/SERVICE-\\d+|worker/i", "/é+tude/",
                "/\\bgunicorn\\b/", "/K-s[ſs]s/i");
        String alphabet = "abcdefghijkKSſxyzw-. 0123456789ABCDEFGHéÉqtQTwebngineportPORTsvcSERVICE";
        Random random = new Random(7);
        for (String written : patterns) {
            TextPattern pattern = TextPattern.parse(written, TextPattern.Plain.CONTAINS);
            Pattern plain = Pattern.compile(written.substring(1, written.lastIndexOf('/')),
                    written.endsWith("i") ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
            for (int i = 0; i < 3000; i++) {
                StringBuilder text = new StringBuilder();
                int length = random.nextInt(30);
                for (int j = 0; j < length; j++) {
                    text.append(random.nextInt(8) == 0 ? written.substring(1, 4) : alphabet.charAt(random.nextInt(alphabet.length())));
                }
                assertThat(pattern.matches(text.toString())).as(written + " on " + text)
                        .isEqualTo(plain.matcher(text).find());
            }
        }
    }

    /** Regexes tried, each on {@value #TEXTS} texts, as seeded trials of {@link Trials}. */
    private static final int TRIES = 600;
    private static final int TEXTS = 10;

    /**
     * The prefilter's promise: a text it skips is one the regex does not match; equivalently, a
     * text the regex matches holds one of the literals (folded, when the regex ignores case). And
     * a rule's regex, prefilter and all, matches just what the regex alone matches.
     */
    @Test
    void aTextThePrefilterSkipsIsNeverAMatch() {
        int[] counts = new int[4]; // valid regexes, prefiltered regexes, prefiltered texts, matches among them
        Trials.run("a text the prefilter skips is never a match", TRIES, random -> {
            RegexGrammar.Regex sample = RegexGrammar.regex(random);
            Pattern regex;
            try {
                regex = Pattern.compile(sample.written(), sample.flags());
            } catch (PatternSyntaxException e) {
                return;
            }
            counts[0]++;
            int flags = sample.flags(); // not regex.flags(), which inline flags such as (?-i) change
            Optional<List<String>> literals = RequiredLiterals.of(regex.pattern(), flags);
            counts[1] += literals.isPresent() ? 1 : 0;
            boolean ignoreCase = (flags & Pattern.CASE_INSENSITIVE) != 0;
            TextPattern rule = flags == 0 || flags == (Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                    ? TextPattern.parse("/" + regex.pattern() + "/" + (ignoreCase ? "i" : ""), TextPattern.Plain.CONTAINS)
                    : null;
            for (int t = 0; t < TEXTS; t++) {
                String text = RegexGrammar.text(sample, random);
                boolean matches;
                try {
                    matches = regex.matcher(new BoundedText(text, 100_000)).find();
                } catch (BoundedText.BudgetExceeded | StackOverflowError | IndexOutOfBoundsException e) {
                    continue; // IndexOutOfBoundsException: a JDK bug, see TextPatternTest
                }
                if (literals.isPresent()) {
                    String subject = ignoreCase ? new MatchText(text).folded() : text;
                    boolean skipped = literals.get().stream().noneMatch(subject::contains);
                    counts[2]++;
                    counts[3] += matches ? 1 : 0;
                    assertThat(skipped && matches).as("%s skips %s, which it matches; literals %s", sample, text,
                            literals.get()).isFalse();
                }
                if (rule != null) {
                    assertThat(rule.matches(text)).as("%s as a rule on %s", sample, text).isEqualTo(matches);
                }
            }
        });
        // not vacuous: many regexes get a prefilter, and many of their texts match
        assertThat(counts[1]).as("regexes with a prefilter, of %d valid", counts[0]).isGreaterThanOrEqualTo(counts[0] / 5);
        assertThat(counts[3]).as("matches among %d prefiltered texts", counts[2]).isGreaterThanOrEqualTo(counts[2] / 4);
    }
}
