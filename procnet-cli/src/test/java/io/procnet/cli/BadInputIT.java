package io.procnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every mistake a user can make on the command line: one line naming the value, the exit code, no trace. */
class BadInputIT {
    @TempDir
    static Path dir;

    static Stream<Arguments> mistakes() throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.yaml"), "- match_name: nginx\n  typ: web\n");
        return Stream.of(
                Arguments.of(new String[] {"--bogus"}, "procnet: unknown option '--bogus' (see 'procnet serve --help')"),
                Arguments.of(new String[] {"snapshot", "--bogus", "1"}, "unknown option '--bogus'"),
                Arguments.of(new String[] {"snapsot"}, "'snapsot' is not a command; the commands are serve, snapshot,"),
                Arguments.of(new String[] {"--interval", "0"}, "--interval '0': the interval must be above 0 seconds"),
                Arguments.of(new String[] {"--interval", "-1"}, "--interval '-1': the interval must be above 0 seconds"),
                Arguments.of(new String[] {"--interval", "soon"}, "--interval 'soon': not a number of seconds"),
                Arguments.of(new String[] {"--interval"}, "--interval"),
                Arguments.of(new String[] {"--svc-ports", "80,abc"}, "--svc-ports '80,abc': 'abc': not a port number"),
                Arguments.of(new String[] {"--svc-ports", "80,70000"}, "--svc-ports '80,70000': '70000': out of range"),
                Arguments.of(new String[] {"--port", "70000"}, "--port '70000': out of range: a port is 0-65535"),
                Arguments.of(new String[] {"--port", "http"}, "--port 'http': not a port number"),
                Arguments.of(new String[] {"--rules", dir.resolve("missing.yaml").toString()},
                        dir.resolve("missing.yaml") + ": no such rule file"),
                Arguments.of(new String[] {"snapshot", "--rules", broken.toString()},
                        broken + ":2:3: unknown key 'typ' in rule 1; did you mean 'type'?"),
                Arguments.of(new String[] {"--rules", broken.toString()}, broken + ":2:3: unknown key 'typ'"),
                Arguments.of(new String[] {"--icons-dir", dir.resolve("no-icons").toString()},
                        "--icons-dir '" + dir.resolve("no-icons") + "': no such directory"),
                Arguments.of(new String[] {"--icons-dir", broken.toString()}, "': not a directory"),
                Arguments.of(new String[] {"--vendor-dir", dir.resolve("no-vendor").toString()},
                        "--vendor-dir '" + dir.resolve("no-vendor") + "': no such directory"),
                Arguments.of(new String[] {"--collector", "nope"},
                        "--collector 'nope': no such collector; the collectors are linux-netlink, windows-iphlpapi,"
                                + " linux-procfs, linux-ss, oshi"),
                Arguments.of(new String[] {"snapshot", "--format", "xml"},
                        "--format 'xml': unknown; use table, json, dot or mermaid"),
                Arguments.of(new String[] {"snapshot", "--out", dir.resolve("no/such/dir/x.json").toString()},
                        "--out '" + dir.resolve("no/such/dir/x.json") + "': no such directory"),
                Arguments.of(new String[] {"vendor"}, "--version"),
                Arguments.of(new String[] {"vendor", "--version", "latest"}, "--version 'latest': "),
                Arguments.of(new String[] {"vendor", "--version", "9.1.2", "--sha256", "abc"}, "--sha256 'abc': "),
                Arguments.of(new String[] {"serve", "extra"}, "unexpected argument 'extra'"));
    }

    @ParameterizedTest
    @MethodSource("mistakes")
    void aMistakeIsOneLineNamingTheValueWithExitCode2(String[] args, String message) throws Exception {
        ProcnetJar.Result result = ProcnetJar.run(args);
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err().lines()).as(result.toString()).hasSize(1);
        assertThat(result.err()).as(result.toString()).startsWith("procnet: ").contains(message)
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void verboseShowsTheStackTrace() throws Exception {
        ProcnetJar.Result result = ProcnetJar.run("--verbose", "--interval", "0");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--interval '0'").contains("\tat ");
    }

    @Test
    void aPortInUseIsARuntimeFailureNamingThePort() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            ProcnetJar.Result result = ProcnetJar.run("--port", Integer.toString(taken.getLocalPort()));
            assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
            assertThat(result.err()).contains("procnet: port " + taken.getLocalPort() + " on 127.0.0.1 is in use")
                    .contains("choose another with --port").doesNotContain("\tat ");
        }
    }
}
