package io.procnet.internal.graph;

import static io.procnet.internal.graph.TestSockets.est;
import static io.procnet.internal.graph.TestSockets.tcp;
import static org.assertj.core.api.Assertions.assertThat;

import io.procnet.model.SocketEntry;
import io.procnet.model.SocketState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The table matches each socket to the row it had in the previous snapshot, whatever the order the
 * snapshot lists them in, and reports exactly the connections whose rows came, changed or went.
 * A seeded stream of snapshots over sockets that come, change, hide, go, reuse an inode and move
 * about is checked against a model that knows each socket's identity; scenarios follow for the
 * rules one by one.
 */
class ConnectionTableTest {
    private static final long SECOND = 1_000_000_000L;
    private static final SocketState[] STATES = {SocketState.ESTABLISHED, SocketState.CLOSE_WAIT, SocketState.FIN_WAIT_2};

    /** The table under test, told of dirty connections, one round at a time. */
    private static final class Tracker {
        final Set<Connection> dirty = Collections.newSetFromMap(new IdentityHashMap<>());
        final ConnectionTable table = new ConnectionTable(dirty::add);
        long round;

        List<Row> round(List<SocketEntry> sockets) {
            round++;
            dirty.clear();
            List<Row> rows = new ArrayList<>();
            for (SocketEntry socket : sockets) {
                rows.add(table.track(socket, round, round * SECOND, round == 1 ? 0 : SECOND));
            }
            table.endTracking(round);
            return rows;
        }

        Set<Connection> all() {
            Set<Connection> all = Collections.newSetFromMap(new IdentityHashMap<>());
            all.addAll(table.all());
            assertThat(all).hasSameSizeAs(table.all());
            return all;
        }
    }

    /** One socket of the random world: a remote connection, so that a connection is one socket half. */
    private static final class Sock {
        long inode;
        int port;
        int host;
        long pid;
        SocketState state;
        int hiddenFor;

        SocketEntry entry() {
            return tcp(pid, "192.168.1.5:" + port, "10.0.0." + host + ":443", state, inode);
        }

        String identity() {
            return inode != 0 ? "inode " + inode : "half " + port + "/" + host;
        }

        String half() {
            return port + "/" + host;
        }
    }

    /** What the model knows of a socket identity: its row, its half, and when and how it was last seen. */
    private record Known(Row row, String half, long lastSeen, SocketState state, long pid) {
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void matchesEverySocketToItsRowAndReportsExactlyWhatChanged(long seed) {
        Random random = new Random(seed);
        Tracker tracker = new Tracker();
        List<Sock> world = new ArrayList<>();
        Map<String, Known> known = new HashMap<>();
        Set<Row> everReturned = Collections.newSetFromMap(new IdentityHashMap<>());
        int[] next = {1, 1000}; // next inode, next port
        for (int i = 0; i < 30; i++) {
            world.add(newSock(random, next));
        }
        for (int round = 1; round <= 300; round++) {
            Set<Connection> expectedDirty = Collections.newSetFromMap(new IdentityHashMap<>());
            if (round > 1) {
                change(random, world, next, known, expectedDirty);
            }
            List<Sock> seen = world.stream().filter(sock -> sock.hiddenFor == 0).collect(Collectors.toList());
            List<SocketEntry> snapshot = seen.stream().map(Sock::entry).collect(Collectors.toList());

            List<Row> rows = tracker.round(snapshot);

            long now = tracker.round;
            Set<String> tracked = new HashSet<>();
            for (int i = 0; i < seen.size(); i++) {
                Sock sock = seen.get(i);
                Row row = rows.get(i);
                Known before = known.get(sock.identity());
                boolean kept = before != null && before.half().equals(sock.half()) && now - before.lastSeen() <= 4;
                String what = "seed " + seed + " round " + now + " " + sock.identity();
                if (kept) {
                    assertThat(row).as(what + " keeps its row").isSameAs(before.row());
                    if (before.lastSeen() < now - 1 || before.state() != sock.state || before.pid() != sock.pid) {
                        expectedDirty.add(row.connection);
                    }
                } else {
                    assertThat(everReturned).as(what + " has a new row").doesNotContain(row);
                    expectedDirty.add(row.connection);
                }
                assertThat(row.seenIn(now)).isTrue();
                assertThat(row.forgotten).as(what).isFalse();
                everReturned.add(row);
                tracked.add(sock.identity());
                known.put(sock.identity(), new Known(row, sock.half(), now, sock.state, sock.pid));
            }
            for (Known gone : known.values()) {
                if (gone.lastSeen() == now - 1) {
                    expectedDirty.add(gone.row().connection); // it went
                }
            }
            known.values().removeIf(k -> {
                if (k.lastSeen() < now - ConnectionTable.KEEP_ROUNDS) {
                    assertThat(k.row().forgotten).as("seed %d round %d: forgotten", seed, now).isTrue();
                    return true;
                }
                return false;
            });
            for (Known kept : known.values()) {
                assertThat(kept.row().forgotten).isFalse();
                assertThat(kept.row().missing).isEqualTo(kept.lastSeen() < now);
            }

            assertThat(tracker.dirty).as("seed %d round %d: dirty", seed, now)
                    .containsExactlyInAnyOrderElementsOf(expectedDirty);
            Set<Connection> alive = Collections.newSetFromMap(new IdentityHashMap<>());
            known.values().forEach(k -> alive.add(k.row().connection));
            assertThat(tracker.all()).as("seed %d round %d: all", seed, now).containsExactlyInAnyOrderElementsOf(alive);
            world.forEach(sock -> sock.hiddenFor = Math.max(0, sock.hiddenFor - 1));
        }
    }

    private static Sock newSock(Random random, int[] next) {
        Sock sock = new Sock();
        sock.inode = random.nextInt(3) == 0 ? 0 : next[0]++;
        sock.port = next[1]++;
        sock.host = 1 + random.nextInt(3);
        sock.pid = 10 + random.nextInt(3);
        sock.state = STATES[random.nextInt(STATES.length)];
        return sock;
    }

    /** One round's changes to the world; the rows that an inode reuse forgets are dirty at once. */
    private static void change(Random random, List<Sock> world, int[] next, Map<String, Known> known,
                               Set<Connection> expectedDirty) {
        int changes = random.nextInt(10) == 0 ? 0 : 1 + random.nextInt(5);
        for (int c = 0; c < changes; c++) {
            int what = random.nextInt(100);
            if (world.size() < 5 || what < 15) {
                world.add(random.nextInt(world.size() + 1), newSock(random, next));
            } else if (what < 25) {
                world.remove(random.nextInt(world.size()));
            } else if (what < 35) {
                Sock sock = world.get(random.nextInt(world.size()));
                sock.state = STATES[random.nextInt(STATES.length)];
            } else if (what < 42) {
                Sock sock = world.get(random.nextInt(world.size()));
                sock.pid = random.nextInt(4) == 0 ? SocketEntry.NO_PID : 10 + random.nextInt(3);
            } else if (what < 52) {
                Sock sock = world.get(random.nextInt(world.size()));
                if (sock.hiddenFor == 0) {
                    sock.hiddenFor = 1 + random.nextInt(6); // a namespace that could not be read for a while
                }
            } else if (what < 58) {
                Sock sock = world.get(random.nextInt(world.size()));
                if (sock.inode != 0 && sock.hiddenFor == 0) { // the inode now names another socket
                    Known old = known.get(sock.identity());
                    if (old != null) {
                        expectedDirty.add(old.row().connection);
                    }
                    sock.port = next[1]++;
                }
            } else if (what < 62) {
                Sock sock = world.get(random.nextInt(world.size()));
                sock.inode = sock.inode == 0 ? 0 : next[0]++; // closed and opened again on the same ports
            } else if (what < 72) {
                Collections.shuffle(world, random);
            } else if (what < 80) {
                int from = random.nextInt(world.size());
                int to = Math.min(world.size(), from + 2 + random.nextInt(8));
                Collections.reverse(world.subList(from, to));
            } else if (what < 88) {
                Collections.swap(world, random.nextInt(world.size()), random.nextInt(world.size()));
            } else if (what < 92) {
                Collections.rotate(world, random.nextInt(world.size()));
            } else if (what < 96 && world.size() < 150) {
                for (int i = 0; i < 40; i++) {
                    world.add(random.nextInt(world.size() + 1), newSock(random, next));
                }
            } else {
                for (int i = world.size() - 1; i >= 0; i -= 2) { // every other one goes: many skipped ranges
                    world.remove(i);
                }
            }
        }
    }

    @ParameterizedTest(name = "missing for {0} rounds")
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void aRowMissingForUpToThreeRoundsIsKeptForItsBaseline(int missed) {
        for (long inode : new long[] {0, 77}) {
            Tracker tracker = new Tracker();
            SocketEntry socket = est(10, "192.168.1.5:50000", "10.0.0.1:443", inode);
            SocketEntry other = est(11, "192.168.1.5:50001", "10.0.0.1:443", inode == 0 ? 0 : 78);
            Row row = tracker.round(List.of(socket, other)).get(0);
            for (int i = 0; i < missed; i++) {
                tracker.round(List.of(other));
                assertThat(row.forgotten).isEqualTo(i + 1 > ConnectionTable.KEEP_ROUNDS);
                assertThat(tracker.all()).hasSize(i + 1 > ConnectionTable.KEEP_ROUNDS ? 1 : 2);
            }

            Row back = tracker.round(List.of(other, socket)).get(1);

            assertThat(back == row).as("inode %d back after %d rounds", inode, missed)
                    .isEqualTo(missed <= ConnectionTable.KEEP_ROUNDS);
            assertThat(tracker.dirty).containsExactly(back.connection);
        }
    }

    @Test
    void aRowThatWentIsFoundWhereverTheMatchesSkippedIt() {
        // each of these orders of the rows a..f of the previous snapshot, with one row gone, once
        // left every row the matches skipped over in a range the table looked at
        List<String> orders = List.of("cadbe", "bcadef".replace("f", ""), "fedcb", "acefb", "eabcd", "dabfe",
                "badcf", "fbdac", "cdefa", "bafed");
        for (String order : orders) {
            Tracker tracker = new Tracker();
            Map<Character, SocketEntry> sockets = new HashMap<>();
            for (char name = 'a'; name <= 'f'; name++) {
                sockets.put(name, est(10, "192.168.1.5:" + (50000 + name), "10.0.0.1:443", name));
            }
            List<Row> rows = tracker.round(IntStream.rangeClosed('a', 'f')
                    .mapToObj(name -> sockets.get((char) name)).toList());

            tracker.round(order.chars().mapToObj(name -> sockets.get((char) name)).toList());

            Set<Connection> gone = Collections.newSetFromMap(new IdentityHashMap<>());
            for (char name = 'a'; name <= 'f'; name++) {
                if (order.indexOf(name) < 0) {
                    gone.add(rows.get(name - 'a').connection);
                    assertThat(rows.get(name - 'a').missing).as("%s without %s", order, name).isTrue();
                }
            }
            assertThat(tracker.dirty).as(order).containsExactlyInAnyOrderElementsOf(gone);
        }
    }

    @ParameterizedTest(name = "{0} rows")
    @ValueSource(ints = {10, 66, 67, 200})
    void everyOtherRowGoneIsFoundAmongManySkippedRanges(int size) {
        Tracker tracker = new Tracker();
        List<SocketEntry> sockets = IntStream.range(0, size)
                .mapToObj(i -> est(10, "192.168.1.5:" + (20000 + i), "10.0.0.1:443", i % 2 == 0 ? 0 : 1 + i)).toList();
        List<Row> rows = tracker.round(sockets);

        tracker.round(IntStream.range(0, size).filter(i -> i % 2 == 0).mapToObj(sockets::get).toList());

        Set<Connection> gone = Collections.newSetFromMap(new IdentityHashMap<>());
        IntStream.range(0, size).filter(i -> i % 2 == 1).forEach(i -> gone.add(rows.get(i).connection));
        assertThat(tracker.dirty).containsExactlyInAnyOrderElementsOf(gone);

        List<Row> again = tracker.round(IntStream.range(0, size).filter(i -> i % 2 == 0).mapToObj(sockets::get).toList());
        assertThat(tracker.dirty).isEmpty();
        IntStream.range(0, again.size()).forEach(i -> assertThat(again.get(i)).isSameAs(rows.get(2 * i)));
    }

    @Test
    void aReusedInodeForgetsItsOldRowAtOnceWhereverTheSnapshotListsIt() {
        Tracker tracker = new Tracker();
        SocketEntry old = est(10, "192.168.1.5:50000", "10.0.0.1:443", 7);
        SocketEntry stays = est(10, "192.168.1.5:50001", "10.0.0.1:443", 8);
        SocketEntry reused = est(11, "192.168.1.5:50002", "10.0.0.2:443", 7);
        List<Row> first = tracker.round(List.of(old, stays));

        List<Row> second = tracker.round(List.of(stays, reused));

        assertThat(first.get(0).forgotten).isTrue();
        assertThat(second.get(0)).isSameAs(first.get(1));
        assertThat(second.get(1)).isNotSameAs(first.get(0));
        assertThat(second.get(1).key).isEqualTo(7);
        assertThat(tracker.dirty).containsExactlyInAnyOrder(first.get(0).connection, second.get(1).connection);
        assertThat(tracker.all()).containsExactlyInAnyOrder(second.get(0).connection, second.get(1).connection);

        List<Row> third = tracker.round(List.of(reused, stays)); // the inode's new socket is followed
        assertThat(third).containsExactly(second.get(1), second.get(0));
        assertThat(tracker.dirty).isEmpty();
    }

    @Test
    void aReusedInodeInPlaceForgetsTheOldRowToo() {
        Tracker tracker = new Tracker();
        SocketEntry old = est(10, "192.168.1.5:50000", "10.0.0.1:443", 7);
        SocketEntry reused = est(11, "192.168.1.5:50002", "10.0.0.2:443", 7);
        Row first = tracker.round(List.of(old)).get(0);

        Row second = tracker.round(List.of(reused)).get(0);

        assertThat(first.forgotten).isTrue();
        assertThat(second).isNotSameAs(first);
        assertThat(tracker.dirty).containsExactlyInAnyOrder(first.connection, second.connection);
        assertThat(tracker.all()).containsExactly(second.connection);
    }

    @Test
    void rowsOfSeveralHoldersWithoutInodeKeepTheirRowsInAnyOrder() {
        Tracker tracker = new Tracker();
        SocketEntry first = est(10, "127.0.0.1:40000", "127.0.0.1:7000");
        SocketEntry second = est(11, "127.0.0.1:40000", "127.0.0.1:7000");
        SocketEntry server = est(20, "127.0.0.1:7000", "127.0.0.1:40000");
        List<Row> rows = tracker.round(List.of(first, second, server));
        assertThat(rows.get(0).connection).isSameAs(rows.get(1).connection).isSameAs(rows.get(2).connection);
        assertThat(Set.copyOf(rows)).hasSize(3);

        for (List<SocketEntry> order : List.of(List.of(second, first, server), List.of(server, second, first),
                List.of(first, second, server), List.of(server, first, second))) {
            List<Row> again = tracker.round(order);

            for (int i = 0; i < order.size(); i++) {
                assertThat(again.get(i)).as("%s", order).isSameAs(rows.get(List.of(first, second, server)
                        .indexOf(order.get(i))));
            }
            // a holder found past its row's place in the order is reported, though nothing changed: harmless
            assertThat(tracker.dirty).as("%s", order).isSubsetOf(Set.of(rows.get(0).connection));
        }
        tracker.round(List.of(first, second, server));
        tracker.round(List.of(first, second, server));
        assertThat(tracker.dirty).isEmpty();
    }

    @Test
    void aHolderWithoutInodeWhoseOwnerShowsUpLateKeepsTheRow() {
        Tracker tracker = new Tracker();
        Row unowned = tracker.round(List.of(est(-1, "192.168.1.5:50000", "10.0.0.1:443"))).get(0);

        Row owned = tracker.round(List.of(est(10, "192.168.1.5:50000", "10.0.0.1:443"))).get(0);

        assertThat(owned).isSameAs(unowned);
        assertThat(owned.pid()).isEqualTo(10);
        assertThat(tracker.dirty).containsExactly(owned.connection);
    }

    @Test
    void aRowListedTwiceInOneSnapshotIsTwoRows() {
        Tracker tracker = new Tracker();
        SocketEntry socket = est(10, "192.168.1.5:50000", "10.0.0.1:443", 7);

        List<Row> rows = tracker.round(List.of(socket, socket));
        List<Row> again = tracker.round(List.of(socket, socket));

        assertThat(rows.get(0)).isNotSameAs(rows.get(1));
        assertThat(again).containsExactlyElementsOf(rows);
        assertThat(tracker.dirty).isEmpty();
    }

    @Test
    void aSocketWithoutInodeIsFoundByAKeyOfItsHalf() {
        Tracker tracker = new Tracker();
        List<SocketEntry> sockets = new ArrayList<>();
        for (String local : List.of("192.168.1.5", "192.168.1.6", "[2001:db8::5]")) {
            for (String remote : List.of("10.0.0.1", "10.0.0.2", "[2001:db8::9]")) {
                for (int localPort = 40000; localPort < 40004; localPort++) {
                    for (int remotePort : new int[] {443, 444}) {
                        SocketEntry tcp = est(10, local + ":" + localPort, remote + ":" + remotePort);
                        sockets.add(tcp);
                        sockets.add(new SocketEntry(io.procnet.model.Protocol.UDP, tcp.local(), tcp.remote(),
                                SocketState.ESTABLISHED, 10, 0, null));
                        sockets.add(tcp.inNamespace("net:[2]"));
                    }
                }
            }
        }
        List<Row> rows = tracker.round(sockets);

        assertThat(rows.stream().map(row -> row.key).collect(Collectors.toSet())).hasSize(sockets.size());
        assertThat(tracker.round(List.of(est(10, "192.168.1.5:50000", "10.0.0.1:443", 12345))).get(0).key)
                .isEqualTo(12345);
    }

    @Test
    void aTableOfManyRowsGrowsItsOrder() {
        Tracker tracker = new Tracker();
        List<SocketEntry> sockets = IntStream.range(0, 3000)
                .mapToObj(i -> est(10, "192.168.1.5:" + (10000 + i), "10.0.0.1:443", i % 3 == 0 ? 0 : i)).toList();
        List<Row> rows = tracker.round(sockets);
        List<SocketEntry> shuffled = new ArrayList<>(sockets);
        Collections.shuffle(shuffled, new Random(5));

        List<Row> again = tracker.round(shuffled);
        List<Row> back = tracker.round(sockets);

        Map<SocketEntry, Row> rowOf = new IdentityHashMap<>();
        IntStream.range(0, sockets.size()).forEach(i -> rowOf.put(sockets.get(i), rows.get(i)));
        for (int i = 0; i < shuffled.size(); i++) {
            if (again.get(i) != rowOf.get(shuffled.get(i))) {
                assertThat(again.get(i)).as("row %d", i).isSameAs(rowOf.get(shuffled.get(i)));
            }
        }
        assertThat(back).containsExactlyElementsOf(rows);
        assertThat(tracker.dirty).isEmpty();
        assertThat(tracker.all()).hasSize(3000);
    }
}
