package io.procnet.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    }

    @Test
    void suggestionsFindTyposButNotStrangers() {
        List<String> keys = RuleReader.KEYS;
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

        assertThat(pattern.matches("aa")).isFalse();
        assertThat(pattern.matches("aa")).isFalse(); // warned once, still no match
    }

    @Test
    void theRegexBudgetCountsEveryRead() {
        BoundedText text = new BoundedText("abc", 2);
        text.charAt(0);
        text.charAt(1);
        assertThatThrownBy(() -> text.charAt(2)).isInstanceOf(BoundedText.BudgetExceeded.class);
    }

    @Test
    void positionsSkipTheRepairsAndCountLinesFromOne() {
        SourceText source = new SourceText("rules.yaml", "ab\n\"\\s\" x\n");
        assertThat(source.repairEscapeAt(4)).isTrue();
        assertThat(source.text()).isEqualTo("ab\n\"\\\\s\" x\n");
        assertThat(source.position(0)).isEqualTo(new Position(1, 1));
        assertThat(source.position(9)).isEqualTo(new Position(2, 6)); // the x, one column left of where it is now
        assertThat(source.repairEscapeAt(0)).isFalse(); // not a backslash
    }
}
