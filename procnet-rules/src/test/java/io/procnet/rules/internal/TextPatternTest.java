package io.procnet.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.procnet.testkit.CapturedLog;
import java.util.List;
import java.util.regex.PatternSyntaxException;
import org.junit.jupiter.api.Test;

class TextPatternTest {

    @Test
    void onlySlashesWithKnownFlagsMakeARegex() {
        assertThat(TextPattern.parse("/chrome/i", TextPattern.Plain.EQUALS).isRegex()).isTrue();
        assertThat(TextPattern.parse("/chrome/", TextPattern.Plain.EQUALS).isRegex()).isTrue();
        assertThat(TextPattern.parse("/a/imsxu", TextPattern.Plain.EQUALS).isRegex()).isTrue();
        assertThat(TextPattern.parse("/usr/sbin/nginx", TextPattern.Plain.EQUALS).isRegex()).isFalse();
        assertThat(TextPattern.parse("/a/q", TextPattern.Plain.EQUALS).isRegex()).isFalse();
        assertThat(TextPattern.parse("/", TextPattern.Plain.EQUALS).isRegex()).isFalse();
        assertThat(TextPattern.parse("kworker/0:1", TextPattern.Plain.EQUALS).isRegex()).isFalse();
    }

    @Test
    void plainTextIsComparedWholeOrAsAPart() {
        assertThat(TextPattern.parse("/usr/sbin/nginx", TextPattern.Plain.EQUALS).matches("/usr/sbin/nginx")).isTrue();
        assertThat(TextPattern.parse("nginx", TextPattern.Plain.EQUALS).matches("nginx: worker")).isFalse();
        assertThat(TextPattern.parse("nginx", TextPattern.Plain.CONTAINS).matches("nginx: worker")).isTrue();
        assertThat(TextPattern.parse("/ngin/", TextPattern.Plain.EQUALS).matches("nginx: worker")).isTrue();
        assertThat(TextPattern.parse("x", TextPattern.Plain.CONTAINS).matches((String) null)).isFalse();
    }

    @Test
    void invalidRegexesAreRejected() {
        assertThatThrownBy(() -> TextPattern.parse("/(/", TextPattern.Plain.EQUALS))
                .isInstanceOf(PatternSyntaxException.class);
    }

    @Test
    void pythonGroupSyntaxBecomesJava() {
        assertThat(TextPattern.pythonToJava("(?P<port>\\d+)-(?P=port)")).isEqualTo("(?<port>\\d+)-\\k<port>");
        assertThat(TextPattern.pythonToJava("\\(?P<x>")).isEqualTo("\\(?P<x>");
        assertThat(TextPattern.pythonToJava("(?P<my_port>\\d)(?P=my_port)")).isEqualTo("(?<pyGroup0>\\d)\\k<pyGroup0>");
        assertThat(TextPattern.pythonToJava("a\\")).isEqualTo("a\\"); // a backslash last stays
        assertThat(TextPattern.pythonToJava("(?P<x")).isEqualTo("(?P<x"); // unclosed: the regex engine says so
        assertThat(TextPattern.pythonToJava("(?P=x")).isEqualTo("(?P=x");
    }

    @Test
    void thePrefilterSparesTheRegexATextWithoutItsLiteral() {
        // (a|aa)+zzz backtracks without end on a's alone; the prefilter sees no "zzz" and never runs it
        TextPattern pattern = TextPattern.parse("/(a|aa)+zzz/", TextPattern.Plain.CONTAINS);
        try (CapturedLog log = new CapturedLog("io.procnet.rules")) {
            assertThat(pattern.matches("a".repeat(5000))).isFalse();
            assertThat(pattern.matches("a".repeat(5000) + "zz")).isFalse();
            assertThat(log.warnings()).isEmpty();
            assertThat(pattern.matches("aaazzz")).isTrue();
            assertThat(pattern.matches("a".repeat(5000) + "!zzz")).isFalse(); // runs, gives up
            assertThat(pattern.matches("a".repeat(5001) + "!zzz")).isFalse();
            assertThat(log.warnings()).containsExactly("the regex /(a|aa)+zzz/ gave up on a text of 5004 characters"
                    + " (it backtracks or recurses too much): such texts do not match it");
        }
    }

    @Test
    void aRegexSearchesAnywhereAndIgnoresCaseWhenAsked() {
        TextPattern pattern = TextPattern.parse("/Kafka\\.Kafka/i", TextPattern.Plain.EQUALS);
        assertThat(pattern.matches("java -cp x KAFKA.kafka --x")).isTrue();
        assertThat(pattern.matches("java -cp x kafka-kafka")).isFalse();
        assertThat(pattern.toString()).isEqualTo("/Kafka\\.Kafka/i");
        assertThat(TextPattern.parse("nginx", TextPattern.Plain.EQUALS).toString()).isEqualTo("nginx");
    }

    @Test
    void editDistancesCountASwapOfNeighboursAsOne() {
        assertThat(Suggestions.distance("ab", "ba")).isEqualTo(1);
        assertThat(Suggestions.distance("tpye", "type")).isEqualTo(1);
        assertThat(Suggestions.distance("abc", "acb")).isEqualTo(1);
        assertThat(Suggestions.distance("ca", "abc")).isEqualTo(3); // restricted: no edit of a swapped pair
        assertThat(Suggestions.distance("", "abc")).isEqualTo(3);
        assertThat(Suggestions.distance("abc", "")).isEqualTo(3);
        assertThat(Suggestions.distance("aab", "ab")).isEqualTo(1);
        assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
    }

    @Test
    void suggestionsFindTyposButNotStrangers() {
        List<String> keys = RuleReader.KEYS;
        assertThat(Suggestions.nearest("tpe", keys)).contains("type"); // one edit of four letters: just near enough
        assertThat(Suggestions.nearest("pmd", keys)).contains("match_pid"); // as near as match_cmd: the first wins
        assertThat(Suggestions.nearest("match_nmae", keys)).contains("match_name");
        assertThat(Suggestions.nearest("Type", keys)).contains("type");
        assertThat(Suggestions.nearest("port", keys)).contains("match_port");
        assertThat(Suggestions.nearest("lable", keys)).contains("label");
        assertThat(Suggestions.nearest("colour", keys)).isEmpty();
        assertThat(Suggestions.nearest("bad", keys)).isEmpty();
    }

    @Test
    void aRegexTheJdkFailsOnDoesNotMatch() {
        // found by the prefilter's property: Java 17's regex engine reads past the end of "aa" here
        TextPattern pattern = TextPattern.parse("/\\b{g}a+?\\A/", TextPattern.Plain.CONTAINS);

        try (CapturedLog log = new CapturedLog("io.procnet.rules")) {
            assertThat(pattern.matches("aa")).isFalse();
            assertThat(pattern.matches("aa")).isFalse(); // warned once, still no match
            assertThat(log.warnings()).hasSize(1).allMatch(warning -> warning.startsWith(
                    "the regex /\\b{g}a+?\\A/ failed on a text of 2 characters (java.lang.StringIndexOutOfBoundsException"));
        }
    }

    @Test
    void theRegexBudgetCountsEveryRead() {
        assertThat(new BoundedText("abc").subSequence(1, 3)).hasToString("bc");
        assertThat(new BoundedText("abc")).hasToString("abc");
        BoundedText text = new BoundedText("abc", 2);
        text.charAt(0);
        text.charAt(1);
        assertThatThrownBy(() -> text.charAt(2)).isInstanceOf(BoundedText.BudgetExceeded.class);
    }
}
