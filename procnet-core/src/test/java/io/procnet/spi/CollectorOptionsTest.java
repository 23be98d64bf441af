package io.procnet.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.procnet.model.Protocol;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CollectorOptionsTest {

    @Test
    void includesExactlyItsProtocols() {
        CollectorOptions tcp = CollectorOptions.defaults().withProtocols(Set.of(Protocol.TCP));

        assertThat(tcp.includes(Protocol.TCP)).isTrue();
        assertThat(tcp.includes(Protocol.UDP)).isFalse();
        assertThat(CollectorOptions.defaults().includes(Protocol.UDP)).isTrue();
        assertThat(CollectorOptions.defaults().protocols()).isEqualTo(EnumSet.allOf(Protocol.class));
    }

    @Test
    void trafficCountersAreOnByDefaultAndCanBeTurnedOff() {
        CollectorOptions off = CollectorOptions.defaults().withTrafficCounters(false);

        assertThat(CollectorOptions.defaults().trafficCounters()).isTrue();
        assertThat(off.trafficCounters()).isFalse();
        assertThat(off.protocols()).isEqualTo(EnumSet.allOf(Protocol.class));
        assertThat(off.withTrafficCounters(true)).isEqualTo(CollectorOptions.defaults());
    }

    @Test
    void needsAProtocol() {
        assertThatThrownBy(() -> CollectorOptions.defaults().withProtocols(Set.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("protocols must name at least one protocol");
        assertThatThrownBy(() -> new CollectorOptions(null, true)).hasMessage("protocols");
    }
}
