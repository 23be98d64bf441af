package io.procnet.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every mistake in a rule file gives one line naming the file, line, column and what is wrong. */
class RuleFileErrorsTest {

    private static String errorOf(String text, String file) {
        try {
            RuleSet.parse(text, file);
        } catch (RuleFileException e) {
            assertThat(e.getMessage()).doesNotContain("\n").startsWith(file + ":");
            return e.getMessage();
        }
        throw new AssertionError("no error for " + text);
    }

    private static String yamlError(String text) {
        return errorOf(text, "rules.yaml");
    }

    @Test
    void unknownKeySuggestsTheNearestKnownOne() {
        assertThat(yamlError("- match_name: nginx\n  type: lb\n- match_nmae: redis\n  type: cache\n"))
                .isEqualTo("rules.yaml:3:3: unknown key 'match_nmae' in rule 2; did you mean 'match_name'?");
        assertThat(yamlError("- name: redis\n  type: cache\n"))
                .isEqualTo("rules.yaml:1:3: unknown key 'name' in rule 1; did you mean 'match_name'?");
        assertThat(yamlError("- match_name: redis\n  tpye: cache\n"))
                .isEqualTo("rules.yaml:2:3: unknown key 'tpye' in rule 1; did you mean 'type'?");
        assertThat(yamlError("- match_name: redis\n  colour: red\n  type: cache\n"))
                .isEqualTo("rules.yaml:2:3: unknown key 'colour' in rule 1; the keys are match_pid, match_name,"
                        + " match_cmd, match_port, match_user, match_exe, type, label");
    }

    @Test
    void wrongValueTypesAreNamed() {
        assertThat(yamlError("- match_pid: abc\n  type: db\n"))
                .isEqualTo("rules.yaml:1:14: 'match_pid' in rule 1 should be a whole number, but is the text 'abc'");
        assertThat(yamlError("- match_pid: 12.5\n  type: db\n"))
                .isEqualTo("rules.yaml:1:14: 'match_pid' in rule 1 should be a whole number, but is the number 12.5");
        assertThat(yamlError("- match_pid: -3\n  type: db\n"))
                .isEqualTo("rules.yaml:1:14: 'match_pid' in rule 1 should be a whole number from 0 to "
                        + Long.MAX_VALUE + ", but is -3");
        assertThat(yamlError("- match_name: [a, b]\n  type: db\n"))
                .isEqualTo("rules.yaml:1:15: 'match_name' in rule 1 should be text, but is a list");
        assertThat(yamlError("- match_name: nginx\n  type:\n"))
                .isEqualTo("rules.yaml:2:8: 'type' in rule 1 should be text, but is no value");
        assertThat(yamlError("- match_port: 70000\n  type: db\n"))
                .isEqualTo("rules.yaml:1:15: 'match_port' in rule 1 should be a whole number from 1 to 65535,"
                        + " but is 70000");
        assertThat(yamlError("- match_port: [80, x]\n  type: db\n"))
                .isEqualTo("rules.yaml:1:20: 'match_port' in rule 1 should be a whole number, but is the text 'x'");
        assertThat(yamlError("- match_port: []\n  type: db\n"))
                .isEqualTo("rules.yaml:1:15: 'match_port' in rule 1 is an empty list");
    }

    @Test
    void aRuleNeedsATypeAndAMatchField() {
        assertThat(yamlError("- match_name: nginx\n  type: lb\n- match_name: redis\n  label: Redis\n"))
                .isEqualTo("rules.yaml:3:3: rule 2 has no 'type', which every rule needs (app, service, database,"
                        + " cache, message_broker, load_balancer, qt_desktop, ...)");
        assertThat(yamlError("- type: database\n  label: Everything\n"))
                .isEqualTo("rules.yaml:1:3: rule 1 has no match field, so it would match every process; give it one"
                        + " of match_pid, match_name, match_cmd, match_port, match_user, match_exe");
        assertThat(yamlError("- match_name: x\n  type: ''\n"))
                .isEqualTo("rules.yaml:2:9: rule 1 has an empty 'type'");
        assertThat(yamlError("- match_name: x\n  type: a\n  match_name: y\n"))
                .isEqualTo("rules.yaml:3:3: rule 1 gives 'match_name' twice");
    }

    @Test
    void anInvalidRegexNamesTheRuleAndTheEnginesMessage() {
        assertThat(yamlError("- match_name: nginx\n  type: lb\n- match_cmd: '/--port=(80/'\n  type: web\n"))
                .isEqualTo("rules.yaml:3:14: rule 2 has an invalid regex in 'match_cmd', /--port=(80/:"
                        + " Unclosed group near index 10");
    }

    @Test
    void theFileMustHoldAListOfMappings() {
        assertThat(yamlError("")).startsWith("rules.yaml:1:1: the file is empty");
        assertThat(yamlError("# only a comment\n\n")).startsWith("rules.yaml:1:1: the file is empty");
        assertThat(yamlError("match_name: nginx\ntype: lb\n"))
                .isEqualTo("rules.yaml:1:1: the file should hold a list of rules, but holds a mapping"
                        + " (start each rule with '- ')");
        assertThat(yamlError("- match_name: nginx\n  type: lb\n- just text\n"))
                .isEqualTo("rules.yaml:3:3: rule 2 should be a mapping of fields such as 'type: database', but is"
                        + " the text 'just text'");
    }

    @Test
    void yamlSyntaxErrorsHaveTheirPlace() {
        assertThat(yamlError("- match_name: nginx\n  type: lb\n match_cmd: x\n"))
                .startsWith("rules.yaml:3:").contains("not valid YAML");
        assertThat(yamlError("- match_name: 'unclosed\n  type: lb\n")).contains("not valid YAML");
    }

    @Test
    void jsonErrorsHaveTheirPlaceToo() {
        assertThat(errorOf("[\n  {\"match_name\": \"nginx\", \"type\": \"lb\"},\n  {\"match_nmae\": \"x\", \"type\": \"y\"}\n]",
                "rules.json"))
                .isEqualTo("rules.json:3:4: unknown key 'match_nmae' in rule 2; did you mean 'match_name'?");
        assertThat(errorOf("[{\"match_name\": \"nginx\"}]", "rules.json"))
                .isEqualTo("rules.json:1:2: rule 1 has no 'type', which every rule needs (app, service, database,"
                        + " cache, message_broker, load_balancer, qt_desktop, ...)");
        assertThat(errorOf("[{\"match_pid\": \"abc\", \"type\": \"x\"}]", "rules.json"))
                .isEqualTo("rules.json:1:16: 'match_pid' in rule 1 should be a whole number, but is the text 'abc'");
        assertThat(errorOf("[\n  {\"match_name\": \"nginx\" \"type\": \"lb\"}\n]", "rules.json"))
                .startsWith("rules.json:2:26: not valid JSON: Unexpected character");
        assertThat(errorOf("{\"match_name\": \"nginx\", \"type\": \"lb\"}", "rules.json"))
                .isEqualTo("rules.json:1:1: the file should hold a list of rules, but holds a mapping"
                        + " (start each rule with '- ')");
    }

    @Test
    void positionsStayThoseOfTheFileAfterAStrayBackslashIsKept() {
        String text = "- match_cmd: \"/--port\\s+(3000|5173)/i\"\n  type: service\n  typo: x\n";

        assertThat(yamlError(text)).isEqualTo("rules.yaml:3:3: unknown key 'typo' in rule 1; did you mean 'type'?");
        assertThat(yamlError("- match_cmd: \"/a\\sb/\" \n  bad: \"\\d(\"\n  type: x\n"))
                .isEqualTo("rules.yaml:2:3: unknown key 'bad' in rule 1; the keys are match_pid, match_name,"
                        + " match_cmd, match_port, match_user, match_exe, type, label");
    }

    @Test
    void valuesThatWouldMatchEverythingAreRejected() {
        assertThat(yamlError("- match_cmd: ''\n  type: x\n"))
                .isEqualTo("rules.yaml:1:14: 'match_cmd' in rule 1 is empty, so it would match every process");
        assertThat(yamlError("- match_name: //\n  type: x\n"))
                .isEqualTo("rules.yaml:1:15: 'match_name' in rule 1 is empty, so it would match every process");
    }

    @Test
    void controlCharactersInValuesDoNotBreakTheLine() {
        assertThat(yamlError("- match_pid: \"12\\n34\"\n  type: x\n"))
                .isEqualTo("rules.yaml:1:14: 'match_pid' in rule 1 should be a whole number, but is the text '12\\n34'");
        assertThat(yamlError("- match_name: nginx\n  type: x\u0000\n")).startsWith("rules.yaml:2:10: not valid YAML");
    }

    @Test
    void aliasesMayNotLoopOrExplode() {
        assertThat(yamlError("- &r {match_name: x, type: y, label: *r}\n"))
                .startsWith("rules.yaml:1:").contains("an alias refers to a value that contains it");
        StringBuilder bomb = new StringBuilder("a0: &a0 [x, x]\n");
        for (int i = 1; i <= 20; i++) {
            bomb.append("a").append(i).append(": &a").append(i).append(" [*a").append(i - 1).append(", *a").append(i - 1)
                    .append("]\n");
        }
        assertThat(yamlError(bomb.toString())).contains("more than 100000 values");
    }

    @Test
    void valuesAtTheirLimitsAreAccepted() throws Exception {
        RuleSet rules = RuleSet.parse("- {match_pid: 0, type: a}\n- {match_port: [1, 65535], type: b}\n"
                + "- {match_pid: '12', type: c}\n- {match_pid: 9223372036854775807, type: d}\n", "rules.yaml");
        assertThat(rules.size()).isEqualTo(4);
        assertThat(rules.classify(Processes.process(12, "x", ""), Set.of()).type()).isEqualTo("c");
        assertThat(yamlError("- {match_port: 65536, type: b}\n")).isEqualTo("rules.yaml:1:16: 'match_port' in rule 1"
                + " should be a whole number from 1 to 65535, but is 65536");
    }

    @Test
    void aFileMayStandForAsManyValuesAsTheLimitAndNoMore() {
        // 1 list, 41 times a list of 2438 values (once written, 40 times through an alias): 100000 values
        String list = "[&a [" + "x, ".repeat(2437) + "x]" + ", *a".repeat(40);
        assertThat(yamlError(list + "]")).isEqualTo("rules.yaml:1:2: rule 1 should be a mapping of fields such as"
                + " 'type: database', but is a list");
        assertThat(yamlError(list + ", y]")).isEqualTo("rules.yaml:1:" + (list.length() + 3) + ": the file stands for"
                + " more than 100000 values (through aliases); a rule file needs far fewer");
    }

    @Test
    void filesThatCannotBeReadSaySo(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("missing.yaml");
        assertThatThrownBy(() -> RuleSet.load(missing)).isInstanceOf(RuleFileException.class)
                .hasMessage(missing + ": no such rule file");
        assertThatThrownBy(() -> RuleSet.load(dir)).hasMessage(dir + ": is a directory, not a rule file");
        Path latin1 = Files.write(dir.resolve("latin1.yaml"),
                "- match_name: caf\u00e9\n  type: x\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> RuleSet.load(latin1)).hasMessage(latin1 + ":1:18: not UTF-8 text (byte 0xe9)");
        Path large = Files.write(dir.resolve("large.yaml"), new byte[(int) RuleFiles.MAX_BYTES + 1]);
        assertThatThrownBy(() -> RuleSet.load(large))
                .hasMessage(large + ": is 4194305 bytes; a rule file may have at most 4194304");
        assertThatThrownBy(() -> RuleFiles.locate("rules\u0000.yaml"))
                .hasMessage("rules\u0000.yaml: not a valid path: Nul character not allowed");
        RuleFileException error = catchThrowableOfType(RuleFileException.class, () -> RuleSet.load(missing));
        assertThat(List.of(error.source(), error.line(), error.column(), error.problem()))
                .containsExactly(missing.toString(), 0, 0, "no such rule file");
    }

    @Test
    void anUnreadableFileSaysSo(@TempDir Path dir) throws Exception {
        Path locked = Files.writeString(dir.resolve("locked.yaml"), "[]");
        Files.setPosixFilePermissions(locked, Set.of());
        assumeFalse(Files.isReadable(locked), "root reads any file");
        assertThatThrownBy(() -> RuleSet.load(locked)).hasMessage(locked + ": cannot be read: permission denied");
    }

    /** Text before a byte that is not UTF-8, and where that byte is: counted as every other position. */
    static Stream<Arguments> textsBeforeABadByte() {
        return Stream.of(
                Arguments.of("at the start", "", "1:1"),
                Arguments.of("after ASCII", "- match_name: caf", "1:18"),
                Arguments.of("after a byte order mark", "\uFEFF- match_name: caf", "1:18"),
                Arguments.of("after a tab, an emoji, CJK and an accent", "- label: \"\t\uD83D\uDE00\u4e2d\u00e9", "1:15"),
                Arguments.of("after CR LF line ends", "- a: b\r\n  c: d\r\n  label: caf", "3:13"),
                Arguments.of("after CR line ends", "- a: b\r  c: d\r  label: caf", "3:13"),
                Arguments.of("after an emoji on an earlier line", "- a: \uD83D\uDE00\n  label: caf", "2:13"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("textsBeforeABadByte")
    void aByteThatIsNotUtf8HasItsPlace(String what, String before, String place, @TempDir Path dir) throws Exception {
        for (byte[] bad : List.of(new byte[] {(byte) 0xe9, 'x'}, new byte[] {(byte) 0xff}, new byte[] {(byte) 0xe2, (byte) 0x82})) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            bytes.write(before.getBytes(StandardCharsets.UTF_8));
            bytes.write(bad);
            Path file = Files.write(dir.resolve("rules.yaml"), bytes.toByteArray());
            assertThatThrownBy(() -> RuleSet.load(file))
                    .hasMessage(file + ":" + place + ": not UTF-8 text (byte 0x" + Integer.toHexString(bad[0] & 0xff) + ")");
        }
    }
}
