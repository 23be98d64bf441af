package io.procnet.collect.posix.internal.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.procnet.model.ProcessInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessReaderTest {

    @Test
    void readsNameCommandLineUserStartTimeAndExecutable(@TempDir Path root) throws IOException {
        new FakeProc(root).process(42, "postgres", "postgres -D /var/lib/pg", 70, 250)
                .executable(42, "/usr/lib/postgresql/16/bin/postgres (deleted)"); // upgraded while running
        Path passwd = root.resolve("passwd");
        Files.writeString(passwd, "root:x:0:0::/root:/bin/sh\npostgres:x:70:70::/var/lib/pg:/bin/sh\n");

        ProcessInfo info = new ProcessReader(root, new UserNames(passwd)).read(42);

        assertThat(info).isEqualTo(new ProcessInfo(42, 1, "postgres", "postgres -D /var/lib/pg", "postgres",
                Instant.ofEpochSecond(1795000000).plusMillis(2500), "/usr/lib/postgresql/16/bin/postgres", List.of()));
    }

    @Test
    void aNameTheKernelCutIsMadeWholeFromTheFirstArgument() {
        byte[] cmdline = "/usr/lib/qt6/libexec/QtWebEngineProcess\0--type=renderer\0".getBytes(StandardCharsets.UTF_8);

        assertThat(ProcessReader.fullName("QtWebEngineProc", cmdline)).isEqualTo("QtWebEngineProcess");
        assertThat(ProcessReader.fullName("QtWebEngineProc", "/bin/sh\0-c\0".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("QtWebEngineProc"); // renamed itself: keep what the kernel says
        assertThat(ProcessReader.fullName("nginx", cmdline)).isEqualTo("nginx");
        assertThat(ProcessReader.fullName("kube-controller", "kube-controller-manager\0--v=2\0"
                .getBytes(StandardCharsets.UTF_8))).isEqualTo("kube-controller-manager");
        assertThat(ProcessReader.isNamed("QtWebEngineProcess", "QtWebEngineProc")).isTrue(); // no exec: stays cached
        assertThat(ProcessReader.isNamed("QtWebEngineProcess", "bash")).isFalse();
    }

    @Test
    void cachedProcessesCostNoIoUntilInvalidated(@TempDir Path root) throws IOException {
        FakeProc proc = new FakeProc(root).process(42, "old", "old", 0, 100);
        AtomicLong clock = new AtomicLong();
        ProcessReader reader = new ProcessReader(root, new UserNames(root.resolve("none")), clock::get);
        ProcessInfo first = reader.read(42);
        reader.endCollection();
        proc.process(42, "new", "new --flag", 0, 900); // the pid now names another process

        assertThat(reader.read(42)).isSameAs(first); // trusted: no walk said anything changed
        reader.endCollection();

        reader.invalidate(List.of(42L));
        ProcessInfo reused = reader.read(42);
        assertThat(reused.name()).isEqualTo("new");
        assertThat(reused.startTime()).isAfter(first.startTime());
        assertThat(reused.user()).isEqualTo("0");
    }

    @Test
    void revalidationKeepsAnUnchangedProcessAndSeesAnExec(@TempDir Path root) throws IOException {
        FakeProc proc = new FakeProc(root).process(42, "sh", "sh -c nginx", 0, 100);
        AtomicLong clock = new AtomicLong();
        ProcessReader reader = new ProcessReader(root, new UserNames(root.resolve("none")), clock::get);
        ProcessInfo first = reader.read(42);
        reader.endCollection();

        clock.addAndGet(ProcessReader.REVALIDATE_NANOS);
        assertThat(reader.read(42)).isSameAs(first);
        reader.endCollection();

        proc.process(42, "nginx", "nginx -g daemon off;", 0, 100); // exec: same pid, same start time
        clock.addAndGet(ProcessReader.REVALIDATE_NANOS);
        assertThat(reader.read(42).commandLine()).isEqualTo("nginx -g daemon off;");
        assertThat(ProcessReader.parseName("7 (a) b)) S 1")).isEqualTo("a) b)");
    }

    @Test
    void aCachedProcessComesBackWithItsNewParentWithoutReadingTheRestAgain(@TempDir Path root) throws IOException {
        FakeProc proc = new FakeProc(root).process(42, "worker", "worker --id 1", 0, 100).parent(42, 41);
        AtomicLong clock = new AtomicLong();
        ProcessReader reader = new ProcessReader(root, new UserNames(root.resolve("none")), clock::get);
        ProcessInfo first = reader.read(42);
        assertThat(first.parentPid()).isEqualTo(41);
        reader.endCollection();

        proc.parent(42, 1).cmdline(42, "worker --changed"); // the parent exited: init adopts the worker
        assertThat(reader.read(42)).isSameAs(first); // no stat read until revalidation is due
        reader.endCollection();
        clock.addAndGet(ProcessReader.REVALIDATE_NANOS);
        ProcessInfo adopted = reader.read(42);

        assertThat(adopted).isEqualTo(first.withParentPid(1));
        assertThat(adopted.commandLine()).isEqualTo("worker --id 1"); // only stat was read again
        reader.endCollection();
        assertThat(reader.read(42)).isSameAs(adopted);

        proc.parent(42, 7); // a subreaper (systemd --user, tini) adopts it; the walk saw its fds change
        reader.endCollection();
        reader.invalidate(List.of(42L));
        assertThat(reader.read(42).parentPid()).isEqualTo(7);
    }

    @Test
    void parsesTheParentPidWhateverTheNameHolds() {
        assertThat(ProcessReader.parseParentPid("77 (evil) (name) 1 2) S 1 77 77 0 -1 4194560")).isEqualTo(1);
        assertThat(ProcessReader.parseParentPid("7 (a) S 99 () S 4242 7 7 0 -1")).isEqualTo(4242);
        assertThat(ProcessReader.parseParentPid("8 (tmux: server) S 3190 8 8 0 -1")).isEqualTo(3190);
        assertThat(ProcessReader.parseParentPid("9 ()) R 321 9 9 0 -1")).isEqualTo(321);
        assertThat(ProcessReader.parseParentPid("10 ( ) S 5 10 10")).isEqualTo(5);
        assertThat(ProcessReader.parseParentPid("2 (kthreadd) S 0 0 0 0 -1")).isZero(); // the kernel's own
        assertThat(ProcessReader.parseParentPid("1 (systemd) S 0 1 1 0 -1\n")).isZero();
        for (String broken : List.of("77 (x)", "77 (x) ", "77 (x) S", "77 x S 1 2", "77 (x) S abc 1", "77 (x) S -3 1",
                "", ")")) {
            assertThatThrownBy(() -> ProcessReader.parseParentPid(broken)).as(broken)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void vanishedProcessIsUnknown(@TempDir Path root) throws IOException {
        new FakeProc(root);
        assertThat(new ProcessReader(root, new UserNames(root.resolve("passwd"))).read(7))
                .isEqualTo(ProcessInfo.unknown(7));
    }

    @Test
    void parsesStatWhateverTheNameHolds() {
        String stat = "77 (evil) (name) 1 2) S 1 77 77 0 -1 4194560 100 0 0 0 5 3 0 0 20 0 1 0 123456 1000 100\n";
        assertThat(ProcessReader.parseStartTicks(stat)).isEqualTo(123456);
        assertThatThrownBy(() -> ProcessReader.parseStartTicks("77 (x) S 1")).isInstanceOf(IllegalArgumentException.class);
        // nothing after the name: an IllegalArgumentException, which read() turns into an unknown
        // process, not the StringIndexOutOfBoundsException it once was, which escaped read()
        assertThatThrownBy(() -> ProcessReader.parseStartTicks("77 (x)")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parsesCmdlineStatusAndBootTime() {
        assertThat(ProcessReader.parseCmdline("java\0-jar\0app with space.jar\0".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("java -jar app with space.jar");
        assertThat(ProcessReader.parseCmdline(new byte[0])).isEmpty();
        assertThat(ProcessReader.parseStatusUid("Name:\tx\nUid:\t1000\t1000\t1000\t1000\n")).isEqualTo(1000);
        assertThat(ProcessReader.parseBootTimeSeconds("cpu 1\nbtime 1700000000\n")).isEqualTo(1700000000);
        assertThat(UserNames.parsePasswd("a:x:1:1::/:/bin/sh\nbroken\n:x:2:2\nb:x:notanumber:0\n"))
                .containsExactlyEntriesOf(java.util.Map.of(1L, "a"));
    }
}
