package io.procnet.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.procnet.rules.RuleFileException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** JSON alone, without the YAML reading RuleReader falls back to (JSON is nearly always a YAML flow list too). */
class JsonTreeTest {

    private static TreeNode.Sequence list(String text) throws RuleFileException {
        return (TreeNode.Sequence) JsonTree.read(text, "rules.json");
    }

    @Test
    void aStrayBackslashIsKept() throws Exception {
        assertThat(list("[\"/\\s+\\d/\", \"\\w\"]").items()).extracting(item -> ((TreeNode.Scalar) item).text())
                .containsExactly("/\\s+\\d/", "\\w");
        assertThat(list("[\"a\\\"b\\n\"]").items()).extracting(item -> ((TreeNode.Scalar) item).text())
                .containsExactly("a\"b\n");
    }

    @Test
    void onlyAnUnknownEscapeIsRepaired() {
        // the error is a character after a backslash, but not an unknown escape: nothing to repair
        assertThatThrownBy(() -> JsonTree.read("[\"\\\"", "rules.json")).hasMessage(
                "rules.json:1:5: not valid JSON: Unexpected end-of-input: was expecting closing quote for a string value");
    }

    @Test
    void repairsAreBounded() throws Exception {
        String escapes = "\\s".repeat(SourceText.MAX_REPAIRS);
        assertThat(((TreeNode.Scalar) list("[\"" + escapes + "\"]").items().get(0)).text()).isEqualTo(escapes);
        assertThatThrownBy(() -> JsonTree.read("[\"" + escapes + "\\s\"]", "rules.json")).hasMessage("rules.json:1:"
                + (3 + 2 * SourceText.MAX_REPAIRS + 1) + ": not valid JSON: Unrecognized character escape 's' (code 115)");
    }

    @Test
    void nothingButWhiteSpaceIsNoTree() throws Exception {
        assertThat(JsonTree.read(" \n\t", "rules.json")).isNull();
        assertThat(list("[]").items()).isEqualTo(List.of());
    }
}
