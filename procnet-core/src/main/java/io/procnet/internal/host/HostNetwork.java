package io.procnet.internal.host;

import io.procnet.graph.PortRange;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** Reads the facts about this host that the graph needs: its ephemeral port range and addresses. */
public final class HostNetwork {
    private static final System.Logger LOG = System.getLogger(HostNetwork.class.getName());
    private static final String LINUX_PORT_RANGE = "sys/net/ipv4/ip_local_port_range";

    private HostNetwork() {
    }

    /** The ephemeral port range of the host this JVM runs on. */
    public static PortRange ephemeralPorts() {
        return queryEphemeralPorts(System.getProperty("os.name", ""), Path.of("/proc"));
    }

    /** Linux: the configured range under {@code procRoot}; elsewhere, or when unreadable, the OS default. */
    static PortRange queryEphemeralPorts(String osName, Path procRoot) {
        PortRange fallback = PortRange.defaultFor(osName);
        if (!osName.toLowerCase(Locale.ROOT).startsWith("linux")) {
            return fallback;
        }
        Path file = procRoot.resolve(LINUX_PORT_RANGE);
        try {
            return readLinuxPortRange(file);
        } catch (IOException | IllegalArgumentException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot read " + file + ", assuming " + fallback + ": " + e.getMessage());
            return fallback;
        }
    }

    /** Reads an {@code ip_local_port_range} file. */
    static PortRange readLinuxPortRange(Path file) throws IOException {
        // Not Files.readString: procfs reports size 0, and JDK 17 then returns only the first byte.
        try (InputStream in = Files.newInputStream(file)) {
            return PortRange.parseLinux(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        }
    }

    /** Addresses of the interfaces; empty when the OS will not list them. */
    public static Set<InetAddress> queryInterfaceAddresses() {
        Set<InetAddress> addresses = new HashSet<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                addresses.addAll(Collections.list(nic.getInetAddresses()));
            }
        } catch (SocketException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot list network interfaces: " + e.getMessage());
        }
        return addresses;
    }
}
