package io.procnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** {@code procnet collectors}: the five providers the jar carries, the chosen one marked. */
class CollectorsIT {

    @Test
    @EnabledOnOs(OS.LINUX)
    void listsAllFiveAndMarksTheOneServeTakes() throws Exception {
        ProcnetJar.Result result = ProcnetJar.run("collectors");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines.get(0)).contains("ID", "PRIORITY", "STATUS");
        assertThat(lines).anyMatch(line -> line.matches("\\* linux-netlink +30 +available: .*"))
                .anyMatch(line -> line.matches("  linux-procfs +20 +available: .*"))
                .anyMatch(line -> line.matches("  linux-ss +10 +(un)?available: .*"))
                .anyMatch(line -> line.matches("  oshi +5 +available: .*"))
                .anyMatch(line -> line.matches("  windows-iphlpapi +30 +unavailable: not Windows.*"));
        assertThat(lines).filteredOn(line -> line.startsWith("*")).hasSize(2); // the row and the footnote
    }

    @Test
    void helpListsTheCommands() throws Exception {
        ProcnetJar.Result result = ProcnetJar.run("--help");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("serve", "snapshot", "collectors", "vendor");
        for (String command : List.of("serve", "snapshot", "collectors", "vendor")) {
            ProcnetJar.Result help = ProcnetJar.run(command, "--help");
            assertThat(help.exitCode()).as(help.toString()).isZero();
            assertThat(help.out()).startsWith("Usage: procnet " + command);
        }
    }
}
