package io.procnet.model;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** IP address literals: parsed without ever asking DNS, printed in their shortest form. */
public final class InetAddresses {
    private static final Pattern IPV4 =
            Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

    private InetAddresses() {
    }

    /**
     * Parses {@code 10.0.0.1}, {@code ::1}, {@code [::1]} or {@code fe80::1%eth0} (the zone is
     * dropped). An IPv4-mapped IPv6 literal gives the IPv4 address. The text is parsed here, byte
     * by byte: nothing is ever handed to the resolver, which would look up what is not a literal.
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
        byte[] bytes = literal.indexOf(':') >= 0 ? parseIpv6(literal) : parseIpv4(literal);
        if (bytes == null) {
            throw new IllegalArgumentException("not an IP address literal: '" + text + "'");
        }
        try {
            return Endpoint.unmapIpv4(InetAddress.getByAddress(bytes));
        } catch (UnknownHostException e) {
            throw new AssertionError("4 or 16 bytes are always an address", e);
        }
    }

    /** The 4 bytes of a dotted quad, or null. */
    private static byte[] parseIpv4(String text) {
        if (!IPV4.matcher(text).matches()) {
            return null;
        }
        String[] parts = text.split("\\.");
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            bytes[i] = (byte) Integer.parseInt(parts[i]);
        }
        return bytes;
    }

    /**
     * The 16 bytes of an RFC 4291 text form: eight groups of one to four hex digits, at most one
     * {@code ::} standing for one or more zero groups, and a dotted quad in place of the last two
     * groups; null for anything else.
     */
    private static byte[] parseIpv6(String text) {
        int gap = text.indexOf("::"); // a second one leaves an empty group in the tail, which groups() refuses
        List<Integer> head = gap >= 0 ? groups(text.substring(0, gap), false) : groups(text, true);
        List<Integer> tail = gap >= 0 ? groups(text.substring(gap + 2), true) : List.of();
        if (head == null || tail == null) {
            return null;
        }
        int given = head.size() + tail.size();
        if (gap >= 0 ? given > 7 : given != 8) {
            return null;
        }
        byte[] bytes = new byte[16];
        for (int i = 0; i < head.size(); i++) {
            put(bytes, i, head.get(i));
        }
        for (int i = 0; i < tail.size(); i++) {
            put(bytes, 8 - tail.size() + i, tail.get(i));
        }
        return bytes;
    }

    /** The 16-bit groups of a part between colons (a dotted quad allowed last), or null; empty for "". */
    private static List<Integer> groups(String part, boolean quadLast) {
        List<Integer> groups = new ArrayList<>(8);
        if (part.isEmpty()) {
            return groups;
        }
        String[] fields = part.split(":", -1);
        for (int i = 0; i < fields.length; i++) {
            String field = fields[i];
            if (quadLast && i == fields.length - 1 && field.indexOf('.') >= 0) {
                byte[] quad = parseIpv4(field);
                if (quad == null) {
                    return null;
                }
                groups.add((quad[0] & 0xff) << 8 | quad[1] & 0xff);
                groups.add((quad[2] & 0xff) << 8 | quad[3] & 0xff);
            } else if (field.length() >= 1 && field.length() <= 4 && HEX.matcher(field).matches()) {
                groups.add(Integer.parseInt(field, 16));
            } else {
                return null;
            }
        }
        return groups;
    }

    private static final Pattern HEX = Pattern.compile("[0-9A-Fa-f]+");

    private static void put(byte[] bytes, int group, int value) {
        bytes[2 * group] = (byte) (value >>> 8);
        bytes[2 * group + 1] = (byte) value;
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
