package io.procnet.model;

import static io.procnet.model.SocketState.BOUND;
import static io.procnet.model.SocketState.CLOSED;
import static io.procnet.model.SocketState.CLOSE_WAIT;
import static io.procnet.model.SocketState.CLOSING;
import static io.procnet.model.SocketState.DELETE_TCB;
import static io.procnet.model.SocketState.ESTABLISHED;
import static io.procnet.model.SocketState.FIN_WAIT_1;
import static io.procnet.model.SocketState.FIN_WAIT_2;
import static io.procnet.model.SocketState.LAST_ACK;
import static io.procnet.model.SocketState.LISTEN;
import static io.procnet.model.SocketState.SYN_RECEIVED;
import static io.procnet.model.SocketState.SYN_SENT;
import static io.procnet.model.SocketState.TIME_WAIT;
import static io.procnet.model.SocketState.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SocketStateTest {

    @Test
    void decodesLinuxStates() {
        // include/net/tcp_states.h, TCP_ESTABLISHED = 1 ... TCP_BOUND_INACTIVE = 13
        List<SocketState> expected = List.of(ESTABLISHED, SYN_SENT, SYN_RECEIVED, FIN_WAIT_1, FIN_WAIT_2, TIME_WAIT,
                CLOSED, CLOSE_WAIT, LAST_ACK, LISTEN, CLOSING, SYN_RECEIVED, BOUND);
        for (int code = 1; code <= 13; code++) {
            assertThat(SocketState.fromLinux(code)).as("linux %d", code).isEqualTo(expected.get(code - 1));
        }
    }

    @Test
    void decodesWindowsMibStates() {
        // MIB_TCP_STATE_CLOSED = 1 ... MIB_TCP_STATE_DELETE_TCB = 12
        List<SocketState> expected = List.of(CLOSED, LISTEN, SYN_SENT, SYN_RECEIVED, ESTABLISHED, FIN_WAIT_1,
                FIN_WAIT_2, CLOSE_WAIT, CLOSING, LAST_ACK, TIME_WAIT, DELETE_TCB);
        for (int code = 1; code <= 12; code++) {
            assertThat(SocketState.fromWindowsMib(code)).as("windows %d", code).isEqualTo(expected.get(code - 1));
        }
    }

    @Test
    void decodesBsdStates() {
        // netinet/tcp_fsm.h, TCPS_CLOSED = 0 ... TCPS_TIME_WAIT = 10
        List<SocketState> expected = List.of(CLOSED, LISTEN, SYN_SENT, SYN_RECEIVED, ESTABLISHED, CLOSE_WAIT,
                FIN_WAIT_1, CLOSING, LAST_ACK, FIN_WAIT_2, TIME_WAIT);
        for (int code = 0; code <= 10; code++) {
            assertThat(SocketState.fromBsd(code)).as("bsd %d", code).isEqualTo(expected.get(code));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {Integer.MIN_VALUE, -1, 14, 255, Integer.MAX_VALUE})
    void unknownLinuxCodesAreUnknown(int code) {
        assertThat(SocketState.fromLinux(code)).isEqualTo(UNKNOWN);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 0, 13, 100})
    void unknownWindowsCodesAreUnknown(int code) {
        assertThat(SocketState.fromWindowsMib(code)).isEqualTo(UNKNOWN);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 11, 100})
    void unknownBsdCodesAreUnknown(int code) {
        assertThat(SocketState.fromBsd(code)).isEqualTo(UNKNOWN);
    }

    @Test
    void zeroIsNotALinuxOrWindowsState() {
        assertThat(SocketState.fromLinux(0)).isEqualTo(UNKNOWN);
    }
}
