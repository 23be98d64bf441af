package io.procnet.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of error a rule file's text can give, in YAML and in JSON, with its whole one-line
 * message and its exact line and column; and the same again with tabs, accented letters, CJK
 * ideographs and an emoji beyond the BMP before the error on its line and on earlier lines, with
 * CR LF and CR line ends, and after a byte order mark.
 *
 * <p>The positions are those an editor shows (see {@code SourceText}): lines and columns count
 * from 1, a line ends at LF, CR LF or a lone CR, and a column counts characters (code points),
 * so a tab is one column, an emoji (two Java chars) is one, a CJK ideograph is one and a
 * combining accent is one of its own. A byte order mark is no character.
 *
 * <p>In a row's text, {@code ¤} marks a place before the error on its line and {@code ¶} one on
 * an earlier line; the variants put text there (in JSON a tab cannot be in a string, so it goes
 * just before the string's opening quote, which moves the error as much).
 */
class RuleFileErrorPositionsTest {

    private static final String KEYS = "match_pid, match_name, match_cmd, match_port, match_user, match_exe,"
            + " type, label";
    private static final String NO_TYPE = "has no 'type', which every rule needs (app, service, database, cache,"
            + " message_broker, load_balancer, qt_desktop, ...)";
    private static final String NO_MATCH = "has no match field, so it would match every process; give it one of"
            + " match_pid, match_name, match_cmd, match_port, match_user, match_exe";
    private static final String EMPTY = "the file is empty: it should hold a list of rules, such as"
            + " '- match_name: nginx' with 'type: load_balancer' under it";

    /** What a row's variants put before the error, and how many columns each moves it: the convention itself. */
    private record Prefix(String what, String text, int columns) {
    }

    private static final List<Prefix> PREFIXES = List.of(
            new Prefix("a tab", "\t", 1),
            new Prefix("an accented letter", "\u00e9", 1),
            new Prefix("a letter with a combining accent", "e\u0301", 2),
            new Prefix("two CJK ideographs", "\u4e2d\u6587", 2),
            new Prefix("an emoji beyond the BMP", "\uD83D\uDE00", 1),
            new Prefix("all of them", "\t\u00e9e\u0301\u4e2d\u6587\uD83D\uDE00", 7));

    /** One error: a file's name and text, and the whole message it gives. */
    record Row(String kind, String file, String text, String message) {
        boolean yaml() {
            return file.endsWith(".yaml");
        }

        /** Errors of the file as a whole, or at 1:1 whatever comes before: a comment line above does not move them. */
        boolean fixed() {
            return !message.matches("^[^:]+:\\d+:\\d+: .*") || message.contains(EMPTY);
        }
    }

    private static Row yaml(String kind, String text, String message) {
        return new Row(kind, "rules.yaml", text, "rules.yaml:" + message);
    }

    private static Row json(String kind, String text, String message) {
        return new Row(kind, "rules.json", text, "rules.json:" + message);
    }

    private static final List<Row> ROWS = List.of(
            // an unknown key, with and without a suggestion
            yaml("unknown key", "- match_name: \"¶nginx\"\n  type: lb\n- match_nmae: redis\n  type: cache\n",
                    "3:3: unknown key 'match_nmae' in rule 2; did you mean 'match_name'?"),
            yaml("unknown key", "- match_name: \"¶nginx\"\n  type: lb\n- {label: \"¤x\", match_nmae: redis, type: cache}\n",
                    "3:16: unknown key 'match_nmae' in rule 2; did you mean 'match_name'?"),
            yaml("unknown key", "- match_name: \"¶redis\"\n  tpye: cache\n",
                    "2:3: unknown key 'tpye' in rule 1; did you mean 'type'?"),
            yaml("unknown key", "- label: \"¶x\"\n  name: redis\n  type: cache\n",
                    "2:3: unknown key 'name' in rule 1; did you mean 'match_name'?"),
            yaml("unknown key", "- match_name: \"¶x\"\n  type: y\n- {label: \"¤x\", colour: red, type: cache}\n",
                    "3:16: unknown key 'colour' in rule 2; the keys are " + KEYS),
            json("unknown key", "[\n  {\"match_name\": \"¶nginx\", \"type\": \"lb\"},\n  {\"label\": \"¤x\", \"match_nmae\": \"x\", \"type\": \"y\"}\n]",
                    "3:18: unknown key 'match_nmae' in rule 2; did you mean 'match_name'?"),
            json("unknown key", "[{\"label\": \"¶x\",\n  \"colour\": \"red\", \"type\": \"y\"}]",
                    "2:3: unknown key 'colour' in rule 1; the keys are " + KEYS),
            // a value of the wrong type
            yaml("wrong type", "- label: \"¶x\"\n  match_pid: abc\n  type: db\n",
                    "2:14: 'match_pid' in rule 1 should be a whole number, but is the text 'abc'"),
            yaml("wrong type", "- match_name: \"¶x\"\n  type: y\n- {label: \"¤x\", match_pid: 12.5, type: db}\n",
                    "3:27: 'match_pid' in rule 2 should be a whole number, but is the number 12.5"),
            yaml("wrong type", "- {label: \"¤x\", match_pid: -3, type: db}\n",
                    "1:27: 'match_pid' in rule 1 should be a whole number from 0 to 9223372036854775807, but is -3"),
            yaml("wrong type", "- {label: \"¤x\", match_pid: 99999999999999999999, type: db}\n",
                    "1:27: 'match_pid' in rule 1 should be a whole number from 0 to 9223372036854775807,"
                            + " but is 99999999999999999999"),
            yaml("wrong type", "- label: \"¶x\"\n  match_name: [a, b]\n  type: db\n",
                    "2:15: 'match_name' in rule 1 should be text, but is a list"),
            yaml("wrong type", "- match_name: \"¶nginx\"\n  type:\n",
                    "2:8: 'type' in rule 1 should be text, but is no value"),
            yaml("wrong type", "- {label: \"¤x\", match_port: 70000, type: db}\n",
                    "1:28: 'match_port' in rule 1 should be a whole number from 1 to 65535, but is 70000"),
            yaml("wrong type", "- label: \"¶x\"\n  match_port: [80, x]\n  type: db\n",
                    "2:20: 'match_port' in rule 1 should be a whole number, but is the text 'x'"),
            yaml("wrong type", "- {label: \"¤x\", match_port: [80, x], type: db}\n",
                    "1:33: 'match_port' in rule 1 should be a whole number, but is the text 'x'"),
            yaml("wrong type", "- {label: \"¤x\", match_port: [], type: db}\n",
                    "1:28: 'match_port' in rule 1 is an empty list"),
            yaml("wrong type", "- {label: \"¤x\", match_cmd: {a: b}, type: db}\n",
                    "1:27: 'match_cmd' in rule 1 should be text, but is a mapping"),
            json("wrong type", "[{\"match_name\": \"¶a\", \"type\": \"b\"},\n  {\"label\": \"¤x\", \"match_pid\": \"abc\", \"type\": \"x\"}]",
                    "2:31: 'match_pid' in rule 2 should be a whole number, but is the text 'abc'"),
            json("wrong type", "[{\"label\": \"¤x\", \"match_pid\": 1.5, \"type\": \"x\"}]",
                    "1:30: 'match_pid' in rule 1 should be a whole number, but is the number 1.5"),
            json("wrong type", "[{\"label\": \"¤x\", \"match_pid\": true, \"type\": \"x\"}]",
                    "1:30: 'match_pid' in rule 1 should be a whole number, but is the value true"),
            json("wrong type", "[{\"label\": \"¶x\",\n  \"match_pid\": 99999999999999999999, \"type\": \"x\"}]",
                    "2:16: 'match_pid' in rule 1 should be a whole number from 0 to 9223372036854775807,"
                            + " but is 99999999999999999999"),
            json("wrong type", "[{\"label\": \"¤x\", \"match_name\": [\"a\"], \"type\": \"x\"}]",
                    "1:31: 'match_name' in rule 1 should be text, but is a list"),
            json("wrong type", "[{\"label\": \"¤x\", \"match_name\": \"a\", \"type\": null}]",
                    "1:44: 'type' in rule 1 should be text, but is no value"),
            json("wrong type", "[{\"label\": \"¤x\", \"match_port\": [80, 0], \"type\": \"x\"}]",
                    "1:36: 'match_port' in rule 1 should be a whole number from 1 to 65535, but is 0"),
            json("wrong type", "[{\"label\": \"¤x\", \"match_port\": [], \"type\": \"x\"}]",
                    "1:31: 'match_port' in rule 1 is an empty list"),
            json("wrong type", "[{\"match_name\": \"¤x\", \"type\": \"x\", \"label\": {}}]",
                    "1:44: 'label' in rule 1 should be text, but is a mapping"),
            // a missing type, an empty one
            yaml("missing type", "- match_name: \"¶nginx\"\n  type: lb\n- match_name: redis\n  label: Redis\n",
                    "3:3: rule 2 " + NO_TYPE),
            yaml("missing type", "[{match_name: \"¶a\", type: b},\n {label: \"¤x\", type: c, match_pid: 1}, {match_name: redis}]",
                    "2:39: rule 3 " + NO_TYPE),
            json("missing type", "[{\"match_name\": \"¶a\", \"type\": \"b\"},\n {\"label\": \"¤x\", \"type\": \"c\", \"match_pid\": 1}, {\"match_name\": \"redis\"}]",
                    "2:47: rule 3 " + NO_TYPE),
            yaml("empty type", "- match_name: \"¶x\"\n  type: ''\n", "2:9: rule 1 has an empty 'type'"),
            json("empty type", "[{\"match_name\": \"¤x\", \"type\": \" \"}]", "1:30: rule 1 has an empty 'type'"),
            // a rule without a match field, a match field that matches everything, a key given twice
            yaml("no match field", "- match_name: \"¶a\"\n  type: b\n- type: database\n  label: Everything\n",
                    "3:3: rule 2 " + NO_MATCH),
            yaml("no match field", "[{match_name: \"¶a\", type: b},\n {label: \"¤x\", type: c, match_pid: 1}, {type: db}]",
                    "2:39: rule 3 " + NO_MATCH),
            yaml("not a mapping", "- {match_name: \"¶a\", type: b}\n- [\"x\", y]\n",
                    "2:3: rule 2 should be a mapping of fields such as 'type: database', but is a list"),
            json("no match field", "[{\"match_name\": \"¶a\", \"type\": \"b\"},\n {\"label\": \"¤x\", \"type\": \"c\", \"match_pid\": 1}, {\"type\": \"db\"}]",
                    "2:47: rule 3 " + NO_MATCH),
            yaml("matches everything", "- {label: \"¤x\", match_cmd: '', type: x}\n",
                    "1:27: 'match_cmd' in rule 1 is empty, so it would match every process"),
            json("matches everything", "[{\"label\": \"¤x\", \"match_name\": \"//\", \"type\": \"x\"}]",
                    "1:31: 'match_name' in rule 1 is empty, so it would match every process"),
            yaml("key twice", "- match_name: \"¶x\"\n  type: a\n  match_name: y\n", "3:3: rule 1 gives 'match_name' twice"),
            json("key twice", "[{\"match_name\": \"¤x\", \"type\": \"a\", \"match_name\": \"y\"}]",
                    "1:35: rule 1 gives 'match_name' twice"),
            // an invalid regex: the rule and the regex engine's message
            yaml("invalid regex", "- match_name: \"¶nginx\"\n  type: lb\n- match_cmd: '/--port=(80/'\n  type: web\n",
                    "3:14: rule 2 has an invalid regex in 'match_cmd', /--port=(80/: Unclosed group near index 10"),
            yaml("invalid regex", "- {label: \"¤x\", match_user: \"/[a-/i\", type: x}\n",
                    "1:28: rule 1 has an invalid regex in 'match_user', /[a-/i: Illegal character range near index 3"),
            json("invalid regex", "[{\"match_name\": \"¶a\", \"type\": \"b\"},\n {\"label\": \"¤x\", \"match_exe\": \"/a{2,1}/\", \"type\": \"x\"}]",
                    "2:30: rule 2 has an invalid regex in 'match_exe', /a{2,1}/: Illegal repetition range near index 5"),
            // an empty file, a file that is not a list, a rule that is not a mapping
            yaml("empty file", "", "1:1: " + EMPTY),
            yaml("empty file", "# ¶only a comment\n\n", "1:1: " + EMPTY),
            json("empty file", " \n ", "1:1: " + EMPTY),
            yaml("not a list", "# ¶rules\nmatch_name: nginx\ntype: lb\n",
                    "2:1: the file should hold a list of rules, but holds a mapping (start each rule with '- ')"),
            yaml("not a list", "# ¶rules\n  just text\n", "2:3: the file should hold a list of rules, but holds the text 'just text'"),
            json("not a list", "\n  {\"match_name\": \"nginx\", \"type\": \"lb\"}",
                    "2:3: the file should hold a list of rules, but holds a mapping (start each rule with '- ')"),
            json("not a list", "{\"label\": \"¶x\",\n \"type\": \"y\"}",
                    "1:1: the file should hold a list of rules, but holds a mapping (start each rule with '- ')"),
            yaml("not a mapping", "- match_name: \"¶nginx\"\n  type: lb\n- just text\n",
                    "3:3: rule 2 should be a mapping of fields such as 'type: database', but is the text 'just text'"),
            json("not a mapping", "[{\"match_name\": \"¶a\", \"type\": \"b\"},\n {\"label\": \"¤x\", \"type\": \"c\", \"match_pid\": 1}, \"just text\"]",
                    "2:47: rule 3 should be a mapping of fields such as 'type: database', but is the text 'just text'"),
            json("not a mapping", "[{\"label\": \"¤x\", \"type\": \"c\", \"match_pid\": 1}, 7]",
                    "1:47: rule 2 should be a mapping of fields such as 'type: database', but is the number 7"),
            // not valid YAML
            yaml("YAML syntax", "- match_name: \"¶nginx\"\n  type: lb\n match_cmd: x\n",
                    "3:2: not valid YAML: expected <block end>, but found '<block mapping start>'"
                            + " (while parsing a block collection at 1:1)"),
            yaml("YAML syntax", "- {match_name: \"¶x\",\n   label: \"¤y\" type: lb}\n",
                    "2:15: not valid YAML: expected ',' or '}', but got <scalar> (while parsing a flow mapping at 1:3)"),
            yaml("YAML syntax", "- match_name: \"¶x\"\n  label: 'unclosed\n  type: lb\n",
                    "4:1: not valid YAML: found unexpected end of stream (while scanning a quoted scalar at 2:10)"),
            yaml("YAML syntax", "- match_name: \"¶x\"\n  label: \"¤y\": z\n",
                    "2:13: not valid YAML: mapping values are not allowed here"),
            yaml("YAML syntax", "- match_name: \"¶x\"\n  label: \"¤y\u0001\"\n",
                    "2:12: not valid YAML: special characters are not allowed (U+0001)"),
            yaml("YAML syntax", "- match_name: \"¶x\"\n  label: \"¤y\\x4\"\n",
                    "2:14: not valid YAML: expected escape sequence of 2 hexadecimal numbers, but found: 4\""
                            + " (while scanning a double-quoted scalar at 2:10)"),
            yaml("YAML syntax", "- match_name: \"¶x\"\n  label: [\"¤y\", *nope]\n",
                    "2:16: not valid YAML: found undefined alias nope"),
            yaml("YAML syntax", "- match_name: \"¶x\"\n\ttype: y\n",
                    "2:1: not valid YAML: found character '\\t(TAB)' that cannot start any token. (Do not use \\t(TAB)"
                            + " for indentation) (while scanning for the next token)"),
            yaml("YAML syntax", "- match_name: \"¶x\"\n  type: y\n---\n- match_name: z\n",
                    "3:1: not valid YAML: expected a single document in the stream, but found another document"),
            yaml("YAML key", "- match_name: \"¶x\"\n  type: y\n- {label: \"¤x\", [a]: b}\n", "3:16: a key must be plain text"),
            yaml("YAML alias", "- match_name: \"¶x\"\n  type: y\n- &r {match_name: x, type: y, label: *r}\n",
                    "3:3: an alias refers to a value that contains it"),
            yaml("YAML syntax", "- match_name: \"¶x\"\n  label: \"¤\uD83D\"\n",
                    "2:11: not valid YAML: special characters are not allowed (U+D83D)"),
            yaml("YAML syntax", "- match_name: \"¶x\"\n  type: y\n# ¤\uD83D",
                    "3:3: not valid YAML: The last char is HighSurrogate (no LowSurrogate detected). (U+D83D)"),
            json("YAML syntax", "- match_name: \"x\"\n  label: [\"y\"\n", // YAML, whatever the name says
                    "3:1: not valid YAML: expected ',' or ']', but got <stream end> (while parsing a flow sequence at 2:10)"),
            yaml("wrong type", "- {label: \"¤x\", match_pid: true, type: x}\n",
                    "1:27: 'match_pid' in rule 1 should be a whole number, but is the value true"),
            yaml("wrong type", "- {label: \"¤x\", match_pid: [1], type: x}\n",
                    "1:27: 'match_pid' in rule 1 should be a whole number, but is a list"),
            yaml("invalid regex", "- {label: \"¤x\", match_name: \"/*abc/\", type: x}\n",
                    "1:28: rule 1 has an invalid regex in 'match_name', /*abc/: Dangling meta character '*' near index 0"),
            // not valid JSON
            json("JSON syntax", "[\n  {\"match_name\": \"¶nginx\",\n   \"label\": \"¤x\" \"type\": \"lb\"}\n]",
                    "3:17: not valid JSON: Unexpected character ('\"' (code 34)): was expecting comma to separate"
                            + " Object entries"),
            json("JSON syntax", "[{\"match_name\": \"¶a\",\n \"label\": \"¤x\"",
                    "2:14: not valid JSON: Unexpected end-of-input: expected close marker for Object (start marker at 1:2)"),
            json("JSON syntax", "[{\"match_name\": \"¶a\",\n \"label\": \"¤x\"]",
                    "2:14: not valid JSON: Unexpected close marker ']': expected '}' (for Object starting at 1:2)"),
            json("JSON syntax", "[{\"match_name\": \"¶a\",\n \"label\": [\"¤x\"}]",
                    "2:15: not valid JSON: Unexpected close marker '}': expected ']' (for Array starting at 2:11)"),
            json("JSON syntax", "[{\"match_name\": \"¶a\",\n \"label\": \"¤x\\u12\"}]",
                    "2:17: not valid JSON: Unexpected character ('\"' (code 34)): expected a hex-digit for character"
                            + " escape sequence"),
            json("JSON syntax", "[{\"match_name\": \"¶a\",\n \"label\": \"¤x\u0001\"}]",
                    "2:13: not valid JSON: Illegal unquoted character ((CTRL-CHAR, code 1)): has to be escaped using"
                            + " backslash to be included in string value"),
            json("JSON syntax", "[{\"match_name\": \"¶a\", \"type\": \"b\"}]\n[]",
                    "2:1: unexpected content after a list, which should be the whole file"),
            // a stray backslash is kept, and the positions after it stay those of the file as written
            yaml("after a repair", "- match_cmd: \"¶/--port\\s+(3000|5173)/i\"\n  type: service\n  typo: x\n",
                    "3:3: unknown key 'typo' in rule 1; did you mean 'type'?"),
            yaml("after a repair", "- {match_cmd: \"¤/a\\sb\\d/\", tpye: x}\n",
                    "1:27: unknown key 'tpye' in rule 1; did you mean 'type'?"),
            json("after a repair", "[{\"match_cmd\": \"¶/\\s\\d/\",\n \"label\": \"¤\\w\", \"tpye\": \"x\"}]",
                    "2:17: unknown key 'tpye' in rule 1; did you mean 'type'?"));

    /** One variant of a row: what was put where, the text, and the message it gives. */
    private record Variant(String what, String text, String message) {
    }

    static Stream<Arguments> rows() {
        return ROWS.stream().map(row -> Arguments.of(row.kind() + " in " + row.file(), row));
    }

    /** Each row in all its variants, checked together (one test each would cost more than the parsing). */
    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("rows")
    void everyErrorHasItsExactPlace(String kind, Row row) {
        List<String> wrong = new ArrayList<>();
        for (Variant variant : variants(row)) {
            String message = errorOf(variant.text(), row.file());
            if (!message.equals(variant.message())) {
                wrong.add(variant.what() + ", " + printable(variant.text()) + "\n    expected: " + variant.message()
                        + "\n    but was:  " + message);
            }
        }
        assertThat(wrong).as(kind).isEmpty();
    }

    private static List<Variant> variants(Row row) {
        List<Variant> all = new ArrayList<>();
        String plain = unmarked(row.text());
        all.add(new Variant("as written", plain, row.message()));
        for (Prefix prefix : PREFIXES) {
            if (row.text().contains("¤")) {
                all.add(new Variant(prefix.what() + " before it on its line", unmarked(put(row, '¤', prefix.text())),
                        shifted(row.message(), 0, prefix.columns())));
            }
            if (row.text().contains("¶")) {
                all.add(new Variant(prefix.what() + " on an earlier line", unmarked(put(row, '¶', prefix.text())),
                        row.message()));
            }
            if (row.yaml() && !row.fixed()) {
                all.add(new Variant("a comment with " + prefix.what() + " on a line above",
                        "# " + prefix.text() + "\n" + plain, shifted(row.message(), 1, 0)));
            }
        }
        all.add(new Variant("CR LF line ends", plain.replace("\n", "\r\n"), row.message()));
        all.add(new Variant("CR line ends", plain.replace("\n", "\r"), row.message()));
        all.add(new Variant("a byte order mark", "\uFEFF" + plain, row.message()));
        Prefix everything = PREFIXES.get(PREFIXES.size() - 1);
        Row both = new Row(row.kind(), row.file(), put(row, '¶', everything.text()), row.message());
        all.add(new Variant("all at once, with a byte order mark and CR LF",
                "\uFEFF" + unmarked(put(both, '¤', everything.text())).replace("\n", "\r\n"),
                shifted(row.message(), 0, row.text().contains("¤") ? everything.columns() : 0)));
        return all;
    }

    @Test
    void columnsCountCharactersAsAnEditorShowsThem() {
        // written out once without the table: an emoji is one column, not the two chars Java holds
        assertThat(errorOf("- {label: \"\uD83D\uDE00\", tpye: x}\n", "rules.yaml"))
                .isEqualTo("rules.yaml:1:16: unknown key 'tpye' in rule 1; did you mean 'type'?");
        assertThat(errorOf("[{\"label\": \"\uD83D\uDE00\", \"tpye\": \"x\"}]", "rules.json"))
                .isEqualTo("rules.json:1:17: unknown key 'tpye' in rule 1; did you mean 'type'?");
        // a tab is one column
        assertThat(errorOf("- {label:\t\"x\", tpye: x}\n", "rules.yaml"))
                .isEqualTo("rules.yaml:1:16: unknown key 'tpye' in rule 1; did you mean 'type'?");
        assertThat(errorOf("[{\"label\":\t\"x\", \"tpye\": \"x\"}]", "rules.json"))
                .isEqualTo("rules.json:1:17: unknown key 'tpye' in rule 1; did you mean 'type'?");
        // a lone CR ends a line, a CR LF is one line end, a byte order mark is nothing
        assertThat(errorOf("\uFEFF- match_name: x\r  type: y\r\n  tpye: z\r\n", "rules.yaml"))
                .isEqualTo("rules.yaml:3:3: unknown key 'tpye' in rule 1; did you mean 'type'?");
        // NEL, LS and PS are inside a line for an editor, whatever YAML 1.1 makes of them
        assertThat(errorOf("- {label: \"\u2028\u2029\u0085\", tpye: x}\n", "rules.yaml"))
                .isEqualTo("rules.yaml:1:18: unknown key 'tpye' in rule 1; did you mean 'type'?");
        // the emoji of an error's own value does not move it
        assertThat(errorOf("- {match_pid: \uD83D\uDE00, type: x}\n", "rules.yaml")).isEqualTo(
                "rules.yaml:1:15: 'match_pid' in rule 1 should be a whole number, but is the text '\uD83D\uDE00'");
    }

    @Test
    void theParsersLimitsHaveTheirPlaceToo() {
        StringBuilder aliases = new StringBuilder("a0: &a0 [x, x]\n");
        for (int i = 1; i <= 30; i++) {
            aliases.append("a").append(i).append(": &a").append(i).append(" [*a").append(i - 1).append(", *a")
                    .append(i - 1).append("]\n");
        }
        // the 51st alias of a list, the first of a26
        assertThat(errorOf(aliases.toString(), "rules.yaml"))
                .isEqualTo("rules.yaml:27:12: not valid YAML: Number of aliases for non-scalar nodes exceeds the specified max=50");
        // the 51st list or mapping in a row: the root list, the rule, and the 49th list of the label
        assertThat(errorOf("- match_name: x\n  type: y\n  label: " + "[".repeat(60) + "]".repeat(60) + "\n", "rules.yaml"))
                .isEqualTo("rules.yaml:3:58: not valid YAML: Nesting Depth exceeded max 50");
        assertThat(errorOf("[{\"match_name\": \"x\", \"label\": " + "[".repeat(1000) + "]".repeat(1000) + "}]", "rules.json"))
                .isEqualTo("rules.json:1:1029: not valid JSON: Document nesting depth (1001) exceeds the maximum allowed"
                        + " (1000, from `StreamReadConstraints.getMaxNestingDepth()`)");
    }

    @Test
    void aYamlFileMayBeAsLargeAsAnyRuleFile() {
        // SnakeYAML's own limit is 3 MiB of code points; a file is bounded where it is read
        // (in blank lines, which it reads fast)
        assertThat(errorOf("\n".repeat(3 * 1024 * 1024) + "- {match_name: x, tpye: y}\n", "rules.yaml"))
                .isEqualTo("rules.yaml:3145729:19: unknown key 'tpye' in rule 1; did you mean 'type'?");
    }

    private static String errorOf(String text, String file) {
        try {
            RuleSet.parse(text, file);
        } catch (RuleFileException e) {
            assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("\r");
            assertThat(e.getMessage()).isEqualTo(e.line() == 0 ? file + ": " + e.problem()
                    : file + ":" + e.line() + ":" + e.column() + ": " + e.problem());
            assertThat(e.source()).isEqualTo(file);
            return e.getMessage();
        }
        throw new AssertionError("no error for " + printable(text));
    }

    /** The row's text with {@code prefix} at {@code slot}; in JSON its tabs go just before the string the slot is in. */
    private static String put(Row row, char slot, String prefix) {
        if (row.yaml()) {
            return row.text().replace(String.valueOf(slot), prefix);
        }
        assertThat(row.text().replace("\"" + slot, "")).as("a JSON slot opens a string").doesNotContain(String.valueOf(slot));
        return row.text().replace("\"" + slot, prefix.replaceAll("[^\t]", "") + "\"" + prefix.replace("\t", ""));
    }

    private static String unmarked(String text) {
        return text.replace("¤", "").replace("¶", "");
    }

    private static final Pattern PLACE = Pattern.compile("^([^:]+):(\\d+):(\\d+): ");
    private static final Pattern CONTEXT = Pattern.compile(" at (\\d+):(\\d+)\\)");

    /**
     * The message with the error moved by {@code lines} and {@code columns}; the places in the
     * message (where a context starts) are on earlier lines in the rows, so they move by lines only.
     */
    private static String shifted(String message, int lines, int columns) {
        Matcher place = PLACE.matcher(message);
        assertThat(place.find()).as(message).isTrue();
        String rest = message.substring(place.end());
        Matcher context = CONTEXT.matcher(rest);
        StringBuilder moved = new StringBuilder();
        while (context.find()) {
            context.appendReplacement(moved, " at " + (Integer.parseInt(context.group(1)) + lines) + ":" + context.group(2) + ")");
        }
        context.appendTail(moved);
        return place.group(1) + ":" + (Integer.parseInt(place.group(2)) + lines) + ":"
                + (Integer.parseInt(place.group(3)) + columns) + ": " + moved;
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> out.append(c < 0x20 || c > 0x7e ? String.format("\\u{%x}", c) : Character.toString(c)));
        return out.toString();
    }
}
