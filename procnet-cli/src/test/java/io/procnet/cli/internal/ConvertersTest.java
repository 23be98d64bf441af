package io.procnet.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.beust.jcommander.ParameterException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConvertersTest {

    @Test
    void secondsAreDecimalAndPositiveAtMostAnHour() {
        Converters.Seconds seconds = new Converters.Seconds("--interval");
        assertThat(seconds.convert("1.0")).isEqualTo(Duration.ofSeconds(1));
        assertThat(seconds.convert(" 0.25 ")).isEqualTo(Duration.ofMillis(250));
        assertThat(seconds.convert("3600")).isEqualTo(Duration.ofHours(1));
        assertThatThrownBy(() -> seconds.convert("0")).isInstanceOf(ParameterException.class)
                .hasMessage("--interval '0': the interval must be above 0 seconds, such as 1.0 or 0.5");
        assertThatThrownBy(() -> seconds.convert("-2")).hasMessageContaining("above 0");
        assertThatThrownBy(() -> seconds.convert("NaN")).hasMessage("--interval 'NaN': not a number of seconds,"
                + " such as 1.0 or 0.5");
        assertThatThrownBy(() -> seconds.convert("1e9")).hasMessageContaining("at most 3600 seconds");
        assertThatThrownBy(() -> seconds.convert("0.0001")).hasMessageContaining("at least 0.001");
    }

    @Test
    void portsAreInRangeAndNamed() {
        Converters.BindPort port = new Converters.BindPort("--port");
        assertThat(port.convert("0")).isZero();
        assertThat(port.convert("65535")).isEqualTo(65535);
        assertThatThrownBy(() -> port.convert("65536")).hasMessage("--port '65536': out of range: a port is 0-65535");
        assertThatThrownBy(() -> port.convert("-1")).hasMessageContaining("out of range");
        assertThatThrownBy(() -> port.convert("80x")).hasMessage("--port '80x': not a port number (0-65535)");
    }

    @Test
    void portListsAreCommaSeparatedPossiblyEmpty() {
        Converters.PortList list = new Converters.PortList("--svc-ports");
        assertThat(list.convert("").ports()).isEmpty();
        assertThat(list.convert("3000, 5000,3000").ports()).containsExactly(3000, 5000);
        assertThat(list.convert("3000,5000")).hasToString("3000,5000");
        assertThat(Converters.PortSet.none()).hasToString("none");
        assertThatThrownBy(() -> list.convert("80,abc")).hasMessage("--svc-ports '80,abc': 'abc': not a port number (1-65535)");
        assertThatThrownBy(() -> list.convert("0")).hasMessageContaining("out of range: a port is 1-65535");
        assertThatThrownBy(() -> list.convert("80,,443")).hasMessageContaining("an empty item");
    }

    @Test
    void theFormatIsOneOfFourByName() {
        SnapshotCommand.FormatChoice format = new SnapshotCommand.FormatChoice("--format");
        assertThat(format.convert("DOT")).isEqualTo(SnapshotCommand.Format.DOT);
        assertThat(format.convert("mermaid")).hasToString("mermaid");
        assertThatThrownBy(() -> format.convert("xml"))
                .hasMessage("--format 'xml': unknown; use table, json, dot or mermaid");
    }

    @Test
    void theBrowserOpenerIsTheSystemsOwnAndNoneWithoutADesktop() {
        assertThat(Browser.opener("Windows 11", Map.of())).isEqualTo(List.of("rundll32", "url.dll,FileProtocolHandler"));
        assertThat(Browser.opener("Mac OS X", Map.of())).containsExactly("open");
        assertThat(Browser.opener("Linux", Map.of("DISPLAY", ":0"))).containsExactly("xdg-open");
        assertThat(Browser.opener("Linux", Map.of("WAYLAND_DISPLAY", "wayland-0"))).containsExactly("xdg-open");
        assertThat(Browser.opener("Linux", Map.of())).isEmpty();
    }
}
