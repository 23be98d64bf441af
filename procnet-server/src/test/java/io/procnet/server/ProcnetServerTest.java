package io.procnet.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.BindException;
import org.junit.jupiter.api.Test;

/** Starting and stopping: the port taken, the port freed. */
class ProcnetServerTest {
    private static final ScriptedSource SOURCE = new ScriptedSource(tick -> new TestSnapshots().at(0));

    @Test
    void aPortInUseIsABindExceptionNamingThePort() throws Exception {
        try (ProcnetServer first = TestServers.start(SOURCE, 100)) {
            int port = first.address().getPort();
            assertThatThrownBy(() -> TestServers.builder(SOURCE, 100).port(port).start())
                    .isInstanceOf(BindException.class)
                    .hasMessageContaining("port " + port + " ")
                    .hasMessageContaining("127.0.0.1");
            // the first one is unharmed
            assertThat(RawHttp.get(first.address(), "/api/health").status()).isEqualTo(200);
        }
    }

    @Test
    void closingFreesThePort() throws Exception {
        int port;
        try (ProcnetServer first = TestServers.start(SOURCE, 100)) {
            port = first.address().getPort();
        }
        try (ProcnetServer again = TestServers.builder(SOURCE, 100).port(port).start()) {
            assertThat(again.address().getPort()).isEqualTo(port);
            assertThat(RawHttp.get(again.address(), "/api/health").status()).isEqualTo(200);
        }
    }

    @Test
    void theUrlOfALoopbackServerHasNoToken() throws Exception {
        try (ProcnetServer server = TestServers.start(SOURCE, 100)) {
            assertThat(server.token()).isEmpty();
            assertThat(server.url().toString()).isEqualTo("http://127.0.0.1:" + server.address().getPort() + "/");
        }
    }
}
