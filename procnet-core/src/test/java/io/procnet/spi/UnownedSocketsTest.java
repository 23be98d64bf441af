package io.procnet.spi;

import static org.assertj.core.api.Assertions.assertThat;

import io.procnet.model.CollectionIssue;
import io.procnet.model.Endpoint;
import io.procnet.model.Protocol;
import io.procnet.model.SocketEntry;
import io.procnet.model.SocketState;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnownedSocketsTest {

    @Test
    void anOwnerIsHiddenUnlessTheSocketIsOwnedOrInTimeWait() {
        SocketEntry owned = socket(7, SocketState.ESTABLISHED);
        SocketEntry hidden = socket(SocketEntry.NO_PID, SocketState.CLOSE_WAIT);
        SocketEntry closing = socket(SocketEntry.NO_PID, SocketState.TIME_WAIT);

        assertThat(UnownedSockets.ownerHidden(owned)).isFalse();
        assertThat(UnownedSockets.ownerHidden(hidden)).isTrue();
        assertThat(UnownedSockets.ownerHidden(closing)).isFalse();
        assertThat(UnownedSockets.count(List.of(owned, hidden, closing, hidden))).isEqualTo(2);
        assertThat(UnownedSockets.count(List.of())).isZero();
    }

    @Test
    void theIssueSaysHowManyAndWhy() {
        assertThat(UnownedSockets.issue(3, "run as root")).isEqualTo(new CollectionIssue(
                CollectionIssue.UNOWNED_SOCKETS, "3 sockets without owner: run as root", 3));
        assertThat(UnownedSockets.issue(1, "run as root").message()).isEqualTo("1 socket without owner: run as root");
    }

    private static SocketEntry socket(long pid, SocketState state) {
        return new SocketEntry(Protocol.TCP, Endpoint.of("127.0.0.1", 40000), Endpoint.of("127.0.0.1", 80), state, pid,
                0, null);
    }
}
