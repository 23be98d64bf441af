package io.procnet.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CollectorRegistryTest {

    @AfterEach
    void clearProperty() {
        System.clearProperty(CollectorRegistry.SELECTION_PROPERTY);
    }

    @Test
    void selectsTheAvailableProviderWithTheHighestPriority() throws Exception {
        ScriptedProvider procfs = ScriptedProvider.available("linux-procfs", 20);
        CollectorRegistry registry = CollectorRegistry.of(List.of(
                ScriptedProvider.available("oshi", 5),
                ScriptedProvider.unavailable("windows-iphlpapi", 30, "not Windows: Linux"),
                procfs));

        assertThat(registry.select()).isSameAs(procfs);
        assertThat(registry.statuses()).extracting(ProviderStatus::id)
                .containsExactly("windows-iphlpapi", "linux-procfs", "oshi");
    }

    @Test
    void forcedIdWinsOverPriority() throws Exception {
        ScriptedProvider oshi = ScriptedProvider.available("oshi", 5);
        CollectorRegistry registry = CollectorRegistry.of(List.of(ScriptedProvider.available("linux-netlink", 30), oshi));

        assertThat(registry.select("oshi")).isSameAs(oshi);
        assertThat(registry.select(" oshi ")).isSameAs(oshi);
        assertThat(registry.select("")).isNotSameAs(oshi);
    }

    @Test
    void systemPropertyForcesACollector() throws Exception {
        ScriptedProvider oshi = ScriptedProvider.available("oshi", 5);
        CollectorRegistry registry = CollectorRegistry.of(List.of(ScriptedProvider.available("linux-netlink", 30), oshi));
        System.setProperty(CollectorRegistry.SELECTION_PROPERTY, "oshi");

        assertThat(registry.select()).isSameAs(oshi);
    }

    @Test
    void unknownForcedIdListsTheKnownCollectors() {
        CollectorRegistry registry = CollectorRegistry.of(List.of(ScriptedProvider.available("oshi", 5)));

        assertThatThrownBy(() -> registry.select("linux-nope"))
                .isInstanceOf(CollectorException.class)
                .hasMessageStartingWith("Unknown collector 'linux-nope'; known collectors:")
                .hasMessageContaining("oshi (priority 5): available: scripted");
    }

    @Test
    void unavailableForcedIdSaysWhy() {
        CollectorRegistry registry = CollectorRegistry.of(List.of(
                ScriptedProvider.unavailable("windows-iphlpapi", 30, "not Windows: Linux 6.18")));

        assertThatThrownBy(() -> registry.select("windows-iphlpapi"))
                .isInstanceOf(CollectorException.class)
                .hasMessage("Collector 'windows-iphlpapi' is not available here: not Windows: Linux 6.18");
    }

    @Test
    void noAvailableCollectorListsEveryProviderAndWhy() {
        CollectorRegistry registry = CollectorRegistry.of(List.of(
                ScriptedProvider.unavailable("windows-iphlpapi", 30, "not Windows"),
                ScriptedProvider.unavailable("linux-ss", 10, "ss not found on PATH")));

        assertThatThrownBy(registry::select)
                .isInstanceOf(CollectorException.class)
                .hasMessageStartingWith("No collector is available on this machine:")
                .hasMessageContaining("windows-iphlpapi (priority 30): unavailable: not Windows")
                .hasMessageContaining("linux-ss (priority 10): unavailable: ss not found on PATH");
    }

    @Test
    void emptyRegistrySaysWhatToAdd() {
        assertThatThrownBy(() -> CollectorRegistry.of(List.of()).select())
                .isInstanceOf(CollectorException.class)
                .hasMessageContaining("No collector found");
    }

    @Test
    void providerThatThrowsFromAvailabilityIsUnavailableNotFatal() throws Exception {
        ScriptedProvider fallback = ScriptedProvider.available("oshi", 5);
        ScriptedProvider throwing = new ScriptedProvider("linux-netlink", 30, null) {
            @Override
            public Availability availability() {
                throw new UnsatisfiedLinkError("libc not found");
            }
        };
        CollectorRegistry registry = CollectorRegistry.of(List.of(throwing, fallback));

        assertThat(registry.select()).isSameAs(fallback);
        assertThat(registry.statuses().get(0).describe())
                .isEqualTo("linux-netlink (priority 30): unavailable: availability probe failed (libc not found)");
    }

    @Test
    void providerThatThrowsFromIdIsListedByClass() throws Exception {
        ScriptedProvider fallback = ScriptedProvider.available("oshi", 5);
        ScriptedProvider nameless = new ScriptedProvider("x", 1, Availability.available("x")) {
            @Override
            public String id() {
                throw new IllegalStateException("no id");
            }
        };
        CollectorRegistry registry = CollectorRegistry.of(List.of(nameless, fallback));

        assertThat(registry.select()).isSameAs(fallback);
        assertThat(registry.statuses().get(1).availability().describe())
                .contains("failed to describe itself").contains("no id");
    }

    @Test
    void discoverySurvivesBrokenProviders() throws Exception {
        CollectorRegistry registry = CollectorRegistry.discover();

        assertThat(registry.select().id()).isEqualTo("test-discoverable");
        assertThat(registry.find("test-unavailable")).isPresent();
        assertThat(registry.find("never")).isEmpty();
        List<ProviderStatus> statuses = registry.statuses();
        assertThat(statuses).extracting(ProviderStatus::id)
                .containsExactly("test-unavailable", "test-discoverable", "(unloadable provider)", "(unloadable provider)");
        assertThat(statuses.get(2).availability().available()).isFalse();
        assertThat(statuses.stream().map(ProviderStatus::describe))
                .anySatisfy(text -> assertThat(text).contains("NoSuchProvider"))
                .anySatisfy(text -> assertThat(text).contains("BrokenConstructor"));
    }

    @Test
    void availabilityDescribesItsCause() {
        assertThat(Availability.unavailable("probe failed", new IllegalStateException("EPERM")).describe())
                .isEqualTo("probe failed (EPERM)");
        assertThat(Availability.available("ok").describe()).isEqualTo("ok");
    }
}
