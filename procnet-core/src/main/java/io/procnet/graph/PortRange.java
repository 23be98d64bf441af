package io.procnet.graph;

import java.util.Locale;

/**
 * An inclusive range of ports, such as the OS's ephemeral (dynamic) port range. Immutable and
 * thread-safe.
 *
 * @param first lowest port, 0..65535
 * @param last  highest port, first..65535
 */
public record PortRange(int first, int last) {

    /** Linux's default {@code net.ipv4.ip_local_port_range}. */
    public static final PortRange LINUX_DEFAULT = new PortRange(32768, 60999);
    /** The IANA dynamic range, used by Windows (Vista and later) and macOS. */
    public static final PortRange IANA_DYNAMIC = new PortRange(49152, 65535);

    public PortRange {
        if (first < 0 || last > 65535 || first > last) {
            throw new IllegalArgumentException("not a port range: " + first + "-" + last);
        }
    }

    /** Whether {@code port} lies in this range. */
    public boolean contains(int port) {
        return port >= first && port <= last;
    }

    /**
     * Parses the contents of Linux's {@code /proc/sys/net/ipv4/ip_local_port_range}: two numbers
     * separated by white space, e.g. {@code "32768\t60999\n"}.
     *
     * @throws IllegalArgumentException naming the text when it is not two ports in order
     */
    public static PortRange parseLinux(String text) {
        String[] parts = text.strip().split("\\s+");
        if (parts.length == 2) {
            try {
                return new PortRange(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
            } catch (IllegalArgumentException e) {
                // fall through to the common error
            }
        }
        throw new IllegalArgumentException("not a port range (expected 'LOW HIGH'): '" + text.strip() + "'");
    }

    /** The default ephemeral range of an OS, by its {@code os.name}. */
    public static PortRange defaultFor(String osName) {
        return osName.toLowerCase(Locale.ROOT).startsWith("linux") ? LINUX_DEFAULT : IANA_DYNAMIC;
    }

    @Override
    public String toString() {
        return first + "-" + last;
    }
}
