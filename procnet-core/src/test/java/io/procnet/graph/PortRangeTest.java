package io.procnet.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PortRangeTest {

    @Test
    void parsesLinuxPortRangeFile() {
        assertThat(PortRange.parseLinux("32768\t60999\n")).isEqualTo(PortRange.LINUX_DEFAULT);
        assertThat(PortRange.parseLinux("  1024 65535 ")).isEqualTo(new PortRange(1024, 65535));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "32768", "a b", "60999 32768", "1 2 3", "0 70000"})
    void rejectsWhatIsNotARange(String text) {
        assertThatThrownBy(() -> PortRange.parseLinux(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a port range (expected 'LOW HIGH'): '" + text.strip() + "'");
    }

    @Test
    void defaultsPerOs() {
        assertThat(PortRange.defaultFor("Linux")).isEqualTo(new PortRange(32768, 60999));
        assertThat(PortRange.defaultFor("Windows 11")).isEqualTo(new PortRange(49152, 65535));
        assertThat(PortRange.defaultFor("Mac OS X")).isEqualTo(new PortRange(49152, 65535));
    }

    @Test
    void containsIsInclusive() {
        assertThat(PortRange.LINUX_DEFAULT.contains(32768)).isTrue();
        assertThat(PortRange.LINUX_DEFAULT.contains(60999)).isTrue();
        assertThat(PortRange.LINUX_DEFAULT.contains(32767)).isFalse();
        assertThat(PortRange.LINUX_DEFAULT.contains(61000)).isFalse();
        assertThat(PortRange.LINUX_DEFAULT).hasToString("32768-60999");
    }

    @Test
    void graphOptionsValidateServicePorts() {
        assertThatThrownBy(() -> GraphOptions.defaults().withExtraServicePorts(java.util.Set.of(0)))
                .hasMessage("service port out of range 1..65535: 0");
    }
}
