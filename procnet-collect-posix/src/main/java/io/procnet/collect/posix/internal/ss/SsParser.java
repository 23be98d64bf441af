package io.procnet.collect.posix.internal.ss;

import io.procnet.model.Endpoint;
import io.procnet.model.InetAddresses;
import io.procnet.model.Protocol;
import io.procnet.model.SocketEntry;
import io.procnet.model.SocketState;
import io.procnet.model.TrafficCounters;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the output of {@code ss -tanpi} and {@code ss -uanpi}. Pure: text in, rows out; a line
 * that does not parse is skipped and counted.
 *
 * <p>Process names are printed unescaped inside {@code users:(("name",pid=1,fd=3),...)}, so a
 * name may hold spaces, quotes, commas, parentheses, even {@code ",pid="}: an entry is found by
 * its end, {@code ",pid=N,fd=N)}, and its name is everything before that since the previous one.
 *
 * <p>ss ends every line with a newline, so text after the last one is output cut short: a socket
 * line there, or one whose {@code -i} line is there, is skipped and counted, not read as a socket
 * of a shorter port, a process without its owner or counters cut in the middle.
 */
public final class SsParser {
    private static final Pattern USER_END = Pattern.compile("\",pid=(\\d+),fd=(\\d+)\\)");
    private static final String USERS_START = "users:((\"";
    private static final Map<String, SocketState> STATES = Map.ofEntries(
            Map.entry("ESTAB", SocketState.ESTABLISHED), Map.entry("SYN-SENT", SocketState.SYN_SENT),
            Map.entry("SYN-RECV", SocketState.SYN_RECEIVED), Map.entry("FIN-WAIT-1", SocketState.FIN_WAIT_1),
            Map.entry("FIN-WAIT-2", SocketState.FIN_WAIT_2), Map.entry("TIME-WAIT", SocketState.TIME_WAIT),
            Map.entry("CLOSE-WAIT", SocketState.CLOSE_WAIT), Map.entry("LAST-ACK", SocketState.LAST_ACK),
            Map.entry("LISTEN", SocketState.LISTEN), Map.entry("CLOSING", SocketState.CLOSING),
            Map.entry("CLOSED", SocketState.CLOSED), Map.entry("UNCONN", SocketState.BOUND));

    private SsParser() {
    }

    /** A process as ss names it. */
    public record User(long pid, String name) {
    }

    /** One socket line: the row (owned by the first user) and every user ss lists. */
    public record Row(SocketEntry socket, List<User> users) {
    }

    /** What one output gave. */
    public record Parsed(List<Row> rows, int malformed) {
    }

    public static Parsed parse(String output, Protocol protocol) {
        List<Row> rows = new ArrayList<>();
        int malformed = 0;
        String[] lines = output.split("\n", -1);
        int cut = lines.length - 1; // the text after the last newline: empty unless the output was cut short
        for (int i = 1; i <= cut; i++) { // line 0 is the header
            String line = lines[i];
            if (line.isBlank() || Character.isWhitespace(line.charAt(0))) {
                continue; // an -i info line without its socket line, or nothing
            }
            boolean hasInfo = i < cut && !lines[i + 1].isEmpty() && Character.isWhitespace(lines[i + 1].charAt(0));
            if (i == cut || hasInfo && i + 1 == cut) {
                malformed++; // the line or its info line is cut short
                continue;
            }
            try {
                rows.add(parseLine(line, hasInfo ? lines[i + 1] : "", protocol));
            } catch (IllegalArgumentException e) {
                malformed++;
            }
        }
        return new Parsed(rows, malformed);
    }

    private static Row parseLine(String line, String info, Protocol protocol) {
        String[] fields = new String[5];
        int end = split(line, fields);
        SocketState state = STATES.get(fields[0]);
        if (state == null) {
            throw new IllegalArgumentException("unknown state " + fields[0]);
        }
        Endpoint local = endpoint(fields[3]);
        Endpoint remote = endpoint(fields[4]);
        if (protocol == Protocol.UDP) {
            state = SocketState.forUdp(remote);
        }
        List<User> users = users(line.substring(end));
        // the lowest pid owns a socket several processes hold, as with the other Linux collectors
        long pid = users.stream().mapToLong(User::pid).min().orElse(SocketEntry.NO_PID);
        TrafficCounters traffic = protocol == Protocol.TCP && !info.isEmpty() ? traffic(info) : null;
        return new Row(new SocketEntry(protocol, local, remote, state, pid, 0, traffic), users);
    }

    /** The first five white-space separated fields; returns where the fifth ends. */
    private static int split(String line, String[] fields) {
        int i = 0;
        for (int f = 0; f < fields.length; f++) {
            while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < line.length() && !Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            if (start == i) {
                throw new IllegalArgumentException("too few fields");
            }
            fields[f] = line.substring(start, i);
        }
        return i;
    }

    /**
     * {@code 127.0.0.1:80}, {@code [::1]:80}, {@code [::ffff:10.0.0.1]:80}, {@code *:*},
     * {@code 0.0.0.0:*}, {@code 127.0.0.53%lo:53}, {@code [fe80::1]%eth0:546}; {@code *} as an
     * address is the dual-stack wildcard {@code ::}, as a port 0.
     */
    static Endpoint endpoint(String field) {
        int colon = field.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("no port in " + field);
        }
        String host = field.substring(0, colon);
        String portText = field.substring(colon + 1);
        int zone = host.lastIndexOf('%');
        if (zone > 0 && (host.charAt(0) != '[' || host.lastIndexOf(']') < zone)) {
            host = host.substring(0, zone);
        }
        int port = portText.equals("*") ? 0 : Integer.parseInt(portText);
        return new Endpoint(host.equals("*") ? InetAddresses.parseLiteral("::") : InetAddresses.parseLiteral(host),
                port);
    }

    static List<User> users(String processField) {
        List<User> users = new ArrayList<>();
        int start = processField.indexOf(USERS_START);
        if (start < 0) {
            return users;
        }
        int nameStart = start + USERS_START.length();
        Matcher end = USER_END.matcher(processField);
        while (nameStart <= processField.length() && end.find(nameStart)) {
            users.add(new User(Long.parseLong(end.group(1)), processField.substring(nameStart, end.start())));
            nameStart = end.end() + 3; // past ,("
        }
        return users;
    }

    /** Counters of an {@code -i} line: {@code bytes_acked:N bytes_received:N segs_out:N segs_in:N rtt:A/B}. */
    static TrafficCounters traffic(String info) {
        long acked = 0;
        long received = 0;
        long segsOut = 0;
        long segsIn = 0;
        Duration rtt = null;
        for (String token : info.strip().split("\\s+")) {
            int colon = token.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String value = token.substring(colon + 1);
            try {
                switch (token.substring(0, colon)) {
                    case "bytes_acked" -> acked = Long.parseLong(value);
                    case "bytes_received" -> received = Long.parseLong(value);
                    case "segs_out" -> segsOut = Long.parseLong(value);
                    case "segs_in" -> segsIn = Long.parseLong(value);
                    case "rtt" -> rtt = Duration.ofNanos(Math.round(
                            Double.parseDouble(value.substring(0, Math.max(0, value.indexOf('/')))) * 1_000_000));
                    default -> {
                        // other tcp_info fields are not used
                    }
                }
            } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
                // a field in a form we do not know: leave it out
            }
        }
        return new TrafficCounters(acked, received, segsOut, segsIn, rtt);
    }
}
