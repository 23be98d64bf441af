package io.procnet.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;
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
    void patternsWithoutAReliableLiteralGetNoPrefilter() {
        assertThat(of("^(postgres|postmaster)$")).isEmpty(); // everything is inside a group
        assertThat(of("nginx|.*")).isEmpty(); // one alternative needs nothing
        assertThat(of("ab")).isEmpty(); // too short to be worth it
        assertThat(of("(?i)nginx")).isEmpty(); // inline flags
        assertThat(of("\\Qa.b\\E")).isEmpty();
        assertThat(of("caf\\u00e9s")).isEmpty();
        assertThat(RequiredLiterals.of("café", Pattern.CASE_INSENSITIVE)).isEmpty();
        assertThat(RequiredLiterals.of("nginx", Pattern.COMMENTS)).isEmpty();
        assertThat(of("a)bcd")).isEmpty();
        assertThat(of("[\\Q]abc[\\E]")).isEmpty(); // quoting: one class that matches "]abc["
        assertThat(of("ab\uD83D\uDE00?cd")).isEmpty(); // the ? applies to the whole emoji
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
}
