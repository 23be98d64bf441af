package io.procnet.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which class loader discovery asks, how many load errors it takes, and the order of equal priorities. */
class CollectorDiscoveryTest {

    @Test
    void discoveryAsksTheContextClassLoader() throws IOException {
        try (URLClassLoader empty = new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader())) {
            assertThat(withContextLoader(empty)).isEmpty();
        }
    }

    @Test
    void withoutAContextClassLoaderDiscoveryAsksTheRegistrysOwn() {
        assertThat(withContextLoader(null)).contains("test-discoverable", "test-unavailable");
    }

    @Test
    void aServiceFileThatKeepsFailingIsGivenUpAfterAHundredErrors(@TempDir Path dir) throws IOException {
        Path services = dir.resolve("META-INF/services/" + CollectorProvider.class.getName());
        Files.createDirectories(services.getParent());
        Files.writeString(services, IntStream.range(0, 150).mapToObj(i -> "no.such.Provider" + i)
                .collect(Collectors.joining("\n", "", "\n")));

        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            List<ProviderStatus> statuses = CollectorRegistry.discover(loader).statuses();

            assertThat(statuses).hasSize(100)
                    .allSatisfy(status -> assertThat(status.id()).isEqualTo("(unloadable provider)"))
                    .allSatisfy(status -> assertThat(status.availability().describe())
                            .startsWith("could not be loaded (").contains("no.such.Provider"));
        }
    }

    @Test
    void providersOfEqualPriorityAreListedById() {
        CollectorRegistry registry = CollectorRegistry.of(List.of(ScriptedProvider.available("linux-ss", 10),
                ScriptedProvider.available("linux-procfs", 10), ScriptedProvider.available("oshi", 5),
                ScriptedProvider.available("linux-netlink", 10)));

        assertThat(registry.statuses()).extracting(ProviderStatus::id)
                .containsExactly("linux-netlink", "linux-procfs", "linux-ss", "oshi");
    }

    private static List<String> withContextLoader(ClassLoader loader) {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return CollectorRegistry.discover().statuses().stream().map(ProviderStatus::id).toList();
        } finally {
            thread.setContextClassLoader(before);
        }
    }
}
