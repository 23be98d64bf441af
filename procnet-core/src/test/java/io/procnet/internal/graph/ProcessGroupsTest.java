package io.procnet.internal.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.procnet.model.ProcessInfo;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The engine's process groups: which processes run one program, per snapshot, with group ids made once per leader. */
class ProcessGroupsTest {
    private static final Instant T0 = Instant.parse("2026-11-27T08:00:00Z");

    @ParameterizedTest(name = "{0} {1} / {2} {3}: {4}")
    @CsvSource(nullValues = "-", value = {
        "nginx,  /usr/sbin/nginx, nginx,  /usr/sbin/nginx, true",
        "nginx,  /usr/sbin/nginx, worker, /usr/sbin/nginx, true",
        "nginx,  /usr/sbin/nginx, nginx,  /opt/nginx,      false",
        "nginx,  /usr/sbin/nginx, nginx,  '',              true",
        "nginx,  '',              nginx,  /usr/sbin/nginx, true",
        "nginx,  '',              nginx,  '',              true",
        "nginx,  '',              worker, /usr/sbin/nginx, false",
        "nginx,  /usr/sbin/nginx, worker, '',              false",
        "'',     '',              '',     '',              false",
        "'',     /usr/sbin/nginx, '',     /usr/sbin/nginx, true"})
    void oneProgramIsOneExecutableWhereBothAreKnownElseOneName(String name, String executable, String otherName,
                                                               String otherExecutable, boolean same) {
        ProcessInfo a = process(1, 0, name, executable);
        ProcessInfo b = process(2, 1, otherName, otherExecutable);

        assertThat(ProcessGroups.sameProgram(a, b)).isEqualTo(same);
        assertThat(ProcessGroups.sameProgram(b, a)).isEqualTo(same);
    }

    @Test
    void eachSnapshotHasItsOwnLines() {
        ProcessGroups groups = new ProcessGroups();
        ProcessInfo child = process(101, 100, "postgres", "/pg");
        groups.use(byPid(process(100, 1, "postgres", "/pg"), child));
        assertThat(groups.groupOf(child)).isEqualTo("group:100");

        ProcessInfo orphan = process(101, 1, "postgres", "/pg"); // its parent exited: adopted by init
        groups.use(byPid(orphan, process(1, 0, "systemd", "/sbin/init")));
        assertThat(groups.groupOf(orphan)).isEqualTo("group:101");

        groups.use(byPid(process(100, 1, "postgres", "/pg"), child));
        assertThat(groups.groupOf(child)).isEqualTo("group:100");
    }

    @Test
    void aGroupIdIsMadeOncePerLeader() {
        ProcessGroups groups = new ProcessGroups();
        ProcessInfo leader = process(100, 1, "postgres", "/pg");
        ProcessInfo child = process(101, 100, "postgres", "/pg");
        groups.use(byPid(leader, child));
        String id = groups.groupOf(leader);

        assertThat(groups.groupOf(child)).isSameAs(id);
        groups.use(byPid(leader, child));
        assertThat(groups.groupOf(child)).isSameAs(id);
        groups.use(Map.of());
        assertThat(groups.groupOf(leader)).isSameAs(id); // one leader known: nothing to forget
    }

    @ParameterizedTest(name = "{0} leaders known, {1} processes now: forgotten {2}")
    @CsvSource({"1024, 0, false", "1025, 0, true", "1028, 1, false", "1029, 1, true", "1100, 20, false",
        "1105, 20, true"})
    void theIdsOfLeadersLongGoneAreForgottenOnceTheyPileUp(int leaders, int processesNow, boolean forgotten) {
        ProcessGroups groups = new ProcessGroups();
        Map<Long, ProcessInfo> many = new HashMap<>();
        for (long pid = 1; pid <= leaders; pid++) {
            many.put(pid, process(pid, 0, "p" + pid, "/p" + pid));
        }
        groups.use(many);
        ProcessInfo first = many.get(1L);
        String id = groups.groupOf(first);
        many.values().forEach(groups::groupOf);

        Map<Long, ProcessInfo> now = new HashMap<>();
        for (long pid = 1; pid <= processesNow; pid++) {
            now.put(pid, many.get(pid));
        }
        groups.use(now);

        String again = groups.groupOf(first);
        assertThat(again).isEqualTo(id);
        assertThat(again == id).isEqualTo(!forgotten);
    }

    private static ProcessInfo process(long pid, long parent, String name, String executable) {
        return new ProcessInfo(pid, parent, name, name, "user", T0.plusSeconds(pid), executable, List.of());
    }

    private static Map<Long, ProcessInfo> byPid(ProcessInfo... processes) {
        Map<Long, ProcessInfo> map = new HashMap<>();
        for (ProcessInfo process : processes) {
            map.put(process.pid(), process);
        }
        return map;
    }
}
