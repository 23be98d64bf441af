package io.procnet.model;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** IP address literals: parsed without ever asking DNS, printed in their shortest form. */
public final class InetAddresses {
    private static final Pattern IPV4 =
            Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+");

    private InetAddresses() {
    }

    /**
     * Parses {@code 10.0.0.1}, {@code ::1}, {@code [::1]} or {@code fe80::1%eth0} (the zone is
     * dropped). An IPv4-mapped IPv6 literal gives the IPv4 address.
     *
     * @throws IllegalArgumentException naming the text when it is not an address literal
     */
    public static InetAddress parseLiteral(String text) {
        String literal = text.strip();
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        int zone = literal.indexOf('%');
        if (zone >= 0) {
            literal = literal.substring(0, zone);
        }
        boolean valid = literal.indexOf(':') >= 0
                ? IPV6_CHARS.matcher(literal).matches()
                : IPV4.matcher(literal).matches();
        if (valid) {
            try {
                // Only literals reach this point, so getByName parses and does no lookup.
                return Endpoint.unmapIpv4(InetAddress.getByName(literal));
            } catch (UnknownHostException e) {
                // fall through to the common error
            }
        }
        throw new IllegalArgumentException("not an IP address literal: '" + text + "'");
    }

    /**
     * The address as text: dotted quad for IPv4, RFC 5952 for IPv6 (lower case, the longest
     * run of two or more zero groups shortened to {@code ::}), without zone.
     */
    public static String format(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address.getHostAddress();
        }
        byte[] b = address.getAddress();
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder text = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }
}
