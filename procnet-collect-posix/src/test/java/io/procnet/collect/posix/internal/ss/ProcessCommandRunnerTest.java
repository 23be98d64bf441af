package io.procnet.collect.posix.internal.ss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

@EnabledOnOs(OS.LINUX)
class ProcessCommandRunnerTest {

    @Test
    void givesTheOutputOfACommand() throws IOException {
        assertThat(new ProcessCommandRunner().run(List.of("printf", "a\\nb"))).isEqualTo("a\nb");
    }

    @Test
    void refusesOutputPastItsBound() {
        assertThatThrownBy(() -> new ProcessCommandRunner(100).run(List.of("head", "-c", "101", "/dev/zero")))
                .isInstanceOf(IOException.class)
                .hasMessage("head -c 101 /dev/zero printed 101 bytes, more than the 100 a socket table can take");
    }

    @Test
    void aFailingCommandSaysHowItExited() {
        assertThatThrownBy(() -> new ProcessCommandRunner().run(List.of("false")))
                .isInstanceOf(IOException.class).hasMessage("false exited with 1");
    }
}
