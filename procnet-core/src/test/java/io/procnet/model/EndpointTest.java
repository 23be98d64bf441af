package io.procnet.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EndpointTest {

    @ParameterizedTest
    @CsvSource({
        "127.0.0.1,             127.0.0.1",
        "::ffff:127.0.0.1,      127.0.0.1",
        "[::ffff:10.1.2.3],     10.1.2.3",
        "0:0:0:0:0:ffff:a01:203, 10.1.2.3",
        "::1,                   ::1",
        "0:0:0:0:0:0:0:1,       ::1",
        "::,                    ::",
        "0.0.0.0,               0.0.0.0",
        "2001:DB8:0:0:1:0:0:1,  2001:db8::1:0:0:1",
        "2001:db8:0:0:0:0:2:1,  2001:db8::2:1",
        "2001:db8:0:1:1:1:1:1,  2001:db8:0:1:1:1:1:1",
        "fe80::1%eth0,          fe80::1",
        "1:0:0:2:0:0:0:3,       1:0:0:2::3",
        "::1.2.3.4,             ::102:304",
        "64:ff9b::192.0.2.33,   64:ff9b::c000:221",
        "1::,                   1::",
        "1:2:3:4:5:6:7::,       1:2:3:4:5:6:7:0",
        "::2:3:4:5:6:7:8,       0:2:3:4:5:6:7:8",
    })
    void parsesAndFormatsLiterals(String literal, String formatted) {
        assertThat(InetAddresses.format(InetAddresses.parseLiteral(literal))).isEqualTo(formatted);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "localhost", "example.com", "256.1.1.1", "1.2.3", "1.2.3.4.5", "::g", "1:2:3:4:5:6:7:8:9",
        // hex digits, colons and dots that are no literal, which a resolver would be asked to look up
        ".:1", "[.:1]", "::1.", "1::2::3", ":1:2:3:4:5:6:7", "1:2:3:4:5:6:7:", "12345::1", "1:2:3:4:5:6:7:8::",
        "::1.2.3.4.5", "::1.2.3", "1.2.3.4::", ":::", "1:2:3:4:5:6:1.2.3.4:8", "::01.2.3.4"})
    void rejectsWhatIsNotALiteralWithoutAskingDns(String text) {
        assertThatThrownBy(() -> InetAddresses.parseLiteral(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not an IP address literal: '" + text + "'");
    }

    @Test
    void normalisesIpv4MappedAddresses() throws Exception {
        InetAddress mapped = Inet6Address.getByAddress(null,
                new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 127, 0, 0, 1}, -1);
        Endpoint endpoint = new Endpoint(mapped, 80);

        assertThat(endpoint.address()).isInstanceOf(Inet4Address.class);
        assertThat(endpoint).isEqualTo(Endpoint.of("127.0.0.1", 80));
        assertThat(Endpoint.of(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 127, 0, 0, 1}, 80))
                .isEqualTo(endpoint);
    }

    @Test
    void keepsIpv4CompatibleAndPlainV6Addresses() {
        assertThat(Endpoint.of("::1", 80).address()).isInstanceOf(Inet6Address.class);
        assertThat(Endpoint.of("::10.0.0.1", 80).address()).isInstanceOf(Inet6Address.class);
        assertThat(Endpoint.of("64:ff9b::a00:1", 80).address()).isInstanceOf(Inet6Address.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 65536, Integer.MAX_VALUE})
    void rejectsPortsOutOfRange(int port) {
        assertThatThrownBy(() -> Endpoint.of("127.0.0.1", port))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("port out of range 0..65535: " + port);
    }

    @Test
    void rejectsNullAndBadByteCounts() {
        assertThatThrownBy(() -> new Endpoint(null, 1)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Endpoint.of(new byte[5], 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("4 or 16 bytes, got 5");
    }

    @Test
    void printsV6InBrackets() {
        assertThat(Endpoint.of("2001:db8::1", 443)).hasToString("[2001:db8::1]:443");
        assertThat(Endpoint.of("10.0.0.1", 0)).hasToString("10.0.0.1:0");
        assertThat(Endpoint.of("::", 22).isWildcard()).isTrue();
        assertThat(Endpoint.of("0.0.0.0", 22).isWildcard()).isTrue();
        assertThat(Endpoint.of("127.0.0.1", 22).isWildcard()).isFalse();
    }
}
