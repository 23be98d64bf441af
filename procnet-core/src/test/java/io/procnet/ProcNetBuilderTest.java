package io.procnet;

import static org.assertj.core.api.Assertions.assertThat;

import io.procnet.spi.Availability;
import io.procnet.spi.CollectorOptions;
import io.procnet.spi.CollectorProvider;
import io.procnet.spi.CollectorRegistry;
import io.procnet.spi.ConnectionCollector;
import io.procnet.model.Snapshot;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which collector a built ProcNet uses: the one it was told, else the one the system property names, else the best. */
class ProcNetBuilderTest {

    @AfterEach
    void clearProperty() {
        System.clearProperty(CollectorRegistry.SELECTION_PROPERTY);
    }

    @ParameterizedTest(name = "told {0}, property {1}: {2}")
    @CsvSource(nullValues = "-", value = {
        "-,      -,      best",
        "second, -,      second",
        "-,      second, second",
        "best,   second, best",
        "second, best,   second"})
    void choosesTheCollector(String told, String property, String chosen) throws Exception {
        if (property != null) {
            System.setProperty(CollectorRegistry.SELECTION_PROPERTY, property);
        }
        ProcNet.Builder builder = ProcNet.builder()
                .registry(CollectorRegistry.of(List.of(new Fixed("second", 5), new Fixed("best", 10))));
        if (told != null) {
            builder.collector(told);
        }

        try (ProcNet procnet = builder.build()) {
            assertThat(procnet.collectorId()).isEqualTo(chosen);
            assertThat(procnet.snapshot().collectorId()).isEqualTo(chosen);
        }
    }

    private record Fixed(String id, int priority) implements CollectorProvider {
        @Override
        public Availability availability() {
            return Availability.available("fixed");
        }

        @Override
        public ConnectionCollector create(CollectorOptions options) {
            return () -> new Snapshot(Instant.EPOCH, id, List.of(), Map.of(), List.of());
        }
    }
}
