package io.procnet.internal.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.procnet.graph.PortRange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class HostNetworkTest {

    @Test
    void readsTheLinuxRangeUnderTheGivenProcRoot(@TempDir Path proc) throws IOException {
        Path file = proc.resolve("sys/net/ipv4/ip_local_port_range");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "20000\t29999\n");

        assertThat(HostNetwork.queryEphemeralPorts("Linux", proc)).isEqualTo(new PortRange(20000, 29999));
    }

    @Test
    void fallsBackToTheOsDefault(@TempDir Path proc) throws IOException {
        assertThat(HostNetwork.queryEphemeralPorts("Linux", proc)).isEqualTo(PortRange.LINUX_DEFAULT);
        Path file = proc.resolve("sys/net/ipv4/ip_local_port_range");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "garbage");
        assertThat(HostNetwork.queryEphemeralPorts("Linux", proc)).isEqualTo(PortRange.LINUX_DEFAULT);
        assertThat(HostNetwork.queryEphemeralPorts("Windows 10", proc)).isEqualTo(PortRange.IANA_DYNAMIC);
    }

    @Test
    void listsInterfaceAddressesIncludingLoopback() {
        assertThat(HostNetwork.queryInterfaceAddresses()).anySatisfy(address ->
                assertThat(address.isLoopbackAddress()).isTrue());
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void readsThisLinuxHostsRange() throws IOException {
        // procfs files report size 0: a reader that trusts the size gets "3" and fails to parse
        PortRange range = HostNetwork.readLinuxPortRange(Path.of("/proc/sys/net/ipv4/ip_local_port_range"));

        assertThat(range.first()).isLessThan(range.last());
    }
}
