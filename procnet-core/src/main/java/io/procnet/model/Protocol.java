package io.procnet.model;

/** Transport protocol of a socket. */
public enum Protocol {
    TCP,
    UDP;

    /** Lower-case name as used in node and edge ids ({@code tcp}, {@code udp}). */
    public String id() {
        return this == TCP ? "tcp" : "udp";
    }
}
