package io.procnet.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleFilesTest {

    @Test
    void aRelativePathIsTriedAgainstEachDirectoryInTurn(@TempDir Path dir) throws Exception {
        Path workingDirectory = Files.createDirectory(dir.resolve("cwd"));
        Path application = Files.createDirectory(dir.resolve("app"));
        Path shipped = Files.writeString(application.resolve("node_types.yaml"), "[]");

        assertThat(RuleFiles.locate("node_types.yaml", List.of(workingDirectory, application))).isEqualTo(shipped);

        Path local = Files.writeString(workingDirectory.resolve("node_types.yaml"), "[]");
        assertThat(RuleFiles.locate("node_types.yaml", List.of(workingDirectory, application))).isEqualTo(local);
        assertThat(RuleFiles.locate(shipped.toString(), List.of(workingDirectory))).isEqualTo(shipped);
    }

    @Test
    void whenNothingIsFoundTheErrorListsEveryPathTried(@TempDir Path dir) {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");

        assertThatThrownBy(() -> RuleFiles.locate("rules/types.yaml", List.of(a, b)))
                .isInstanceOf(RuleFileException.class)
                .hasMessage("rules/types.yaml: no such rule file (tried " + a.resolve("rules/types.yaml") + ", "
                        + b.resolve("rules/types.yaml") + ")");
    }

    @Test
    void theDefaultBasesAreTheWorkingDirectoryAndTheApplicationDirectory() throws Exception {
        Path application = RuleFiles.applicationDirectory().orElseThrow(); // target/classes here
        assertThat(application.resolve("io/procnet/rules/RuleFiles.class")).exists(); // the directory, not its parent
        assertThatThrownBy(() -> RuleFiles.locate("no-such-rules-file.yaml")).hasMessage("no-such-rules-file.yaml:"
                + " no such rule file (tried " + Path.of("").toAbsolutePath().resolve("no-such-rules-file.yaml") + ", "
                + application.resolve("no-such-rules-file.yaml") + ")");
        assertThat(RuleFiles.locate("pom.xml")).isEqualTo(Path.of("pom.xml").toAbsolutePath()); // the module's, the working directory
    }

    @Test
    void aBlankHomeIsNoHome() {
        Path application = RuleFiles.applicationDirectory().orElseThrow();
        System.setProperty(RuleFiles.HOME_PROPERTY, " ");
        try {
            assertThat(RuleFiles.applicationDirectory()).contains(application);
        } finally {
            System.clearProperty(RuleFiles.HOME_PROPERTY);
        }
    }

    @Test
    void aFileOfTheLargestSizeIsRead(@TempDir Path dir) throws Exception {
        byte[] lines = new byte[(int) RuleFiles.MAX_BYTES];
        java.util.Arrays.fill(lines, (byte) '\n');
        Path largest = Files.write(dir.resolve("rules.yaml"), lines);

        assertThat(RuleFiles.read(largest)).hasSize((int) RuleFiles.MAX_BYTES);
    }

    @Test
    void aLauncherNamesTheApplicationDirectory(@TempDir Path dir) {
        System.setProperty(RuleFiles.HOME_PROPERTY, dir.toString());
        try {
            assertThat(RuleFiles.applicationDirectory()).contains(dir);
        } finally {
            System.clearProperty(RuleFiles.HOME_PROPERTY);
        }
    }
}
