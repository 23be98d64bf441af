package io.procnet.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.procnet.graph.NodeClassification;
import io.procnet.model.ProcessInfo;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ClassificationCacheTest {
    private static final Instant STARTED = Instant.parse("2026-11-27T08:00:00Z");

    private final AtomicInteger classified = new AtomicInteger();

    private static ProcessInfo process(long pid, String commandLine) {
        return new ProcessInfo(pid, "p" + pid, commandLine, "root", STARTED, "");
    }

    private NodeClassification get(ClassificationCache cache, ProcessInfo process) {
        return cache.get(process, List.of(), () -> {
            classified.incrementAndGet();
            return new NodeClassification("app", process.name());
        });
    }

    @Test
    void aProcessIsClassifiedOncePerKey() {
        ClassificationCache cache = new ClassificationCache();
        ProcessInfo process = process(1, "x");
        assertThat(get(cache, process)).isEqualTo(new NodeClassification("app", "p1"));
        assertThat(get(cache, process)).isEqualTo(new NodeClassification("app", "p1"));
        assertThat(cache.get(process, List.of(80), () -> new NodeClassification("service", "web")).type()).isEqualTo("service");
        assertThat(classified).hasValue(1);
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void aFullGenerationMakesRoomAndKeepsWhatIsStillAskedFor() {
        ClassificationCache cache = new ClassificationCache();
        for (int pid = 0; pid < ClassificationCache.MAX_ENTRIES; pid++) {
            get(cache, process(pid, ""));
        }
        assertThat(cache.size()).isEqualTo(ClassificationCache.MAX_ENTRIES);
        get(cache, process(ClassificationCache.MAX_ENTRIES, "")); // the generation is full: a new one starts
        assertThat(cache.size()).isEqualTo(1);
        get(cache, process(0, "")); // from the old generation, moved into the new one without classifying
        assertThat(cache.size()).isEqualTo(2);
        assertThat(classified).hasValue(ClassificationCache.MAX_ENTRIES + 1);
    }

    @Test
    void longCommandLinesFillAGenerationSooner() {
        ClassificationCache cache = new ClassificationCache();
        String commandLine = "x".repeat(1024 * 1024);
        for (int pid = 0; pid < ClassificationCache.MAX_CHARACTERS / commandLine.length(); pid++) {
            get(cache, process(pid, commandLine));
        }
        assertThat(cache.size()).isEqualTo(8);
        get(cache, process(99, commandLine));
        assertThat(cache.size()).isEqualTo(1);
        get(cache, process(99, commandLine));
        assertThat(classified).hasValue(9);
    }
}
