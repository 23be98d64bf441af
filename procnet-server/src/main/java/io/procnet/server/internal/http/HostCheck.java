package io.procnet.server.internal.http;

import io.procnet.model.InetAddresses;
import java.net.InetAddress;
import java.util.Locale;
import java.util.Set;

/**
 * Which {@code Host} headers the server answers: {@code localhost}, a loopback literal, or one of
 * the names of the address it is bound to, each with the bound port. Any other name is a page
 * that made its own name resolve to this machine (DNS rebinding) and wants to read the process
 * list through the browser, so it gets 403. Immutable and thread-safe.
 */
public final class HostCheck {
    private final Set<String> names;
    private final int port;

    /**
     * @param names the names the server is reached by besides the loopback ones (the bound address,
     *              and for a wildcard bind this machine's addresses and name), in lower case
     * @param port  the bound port
     */
    public HostCheck(Set<String> names, int port) {
        this.names = Set.copyOf(names);
        this.port = port;
    }

    public boolean allows(String host) {
        if (host == null || host.isEmpty()) {
            return false;
        }
        String name;
        String portText;
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            if (close < 0) {
                return false;
            }
            name = host.substring(1, close);
            String rest = host.substring(close + 1);
            if (!rest.isEmpty() && !rest.startsWith(":")) {
                return false;
            }
            portText = rest.isEmpty() ? null : rest.substring(1);
        } else {
            int colon = host.lastIndexOf(':');
            if (colon >= 0 && host.indexOf(':') != colon) {
                return false; // an IPv6 literal must have brackets
            }
            name = colon < 0 ? host : host.substring(0, colon);
            portText = colon < 0 ? null : host.substring(colon + 1);
        }
        return portMatches(portText) && nameMatches(name.toLowerCase(Locale.ROOT));
    }

    private boolean portMatches(String portText) {
        if (portText == null) {
            return port == 80;
        }
        return portText.equals(Integer.toString(port));
    }

    private boolean nameMatches(String name) {
        if (name.equals("localhost") || names.contains(name)) {
            return true;
        }
        if (name.isEmpty() || !(Character.digit(name.charAt(0), 16) >= 0 || name.charAt(0) == ':')) {
            return false;
        }
        try {
            InetAddress address = InetAddresses.parseLiteral(name);
            return address.isLoopbackAddress() || names.contains(InetAddresses.format(address));
        } catch (IllegalArgumentException e) {
            return false; // a name, not a literal
        }
    }
}
