package io.procnet.collect.windows.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.procnet.spi.CollectorRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

class WindowsIpHelperProviderTest {

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void elsewhereItIsUnavailableAndSaysWhy() {
        WindowsIpHelperProvider provider = new WindowsIpHelperProvider();

        assertThat(provider.id()).isEqualTo("windows-iphlpapi");
        assertThat(provider.priority()).isEqualTo(30);
        assertThat(provider.availability().available()).isFalse();
        assertThat(provider.availability().reason()).startsWith("not Windows: ");
        assertThat(CollectorRegistry.discover().statuses()).anyMatch(found -> found.id().equals("windows-iphlpapi"));
    }
}
