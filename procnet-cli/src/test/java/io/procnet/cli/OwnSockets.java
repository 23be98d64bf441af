package io.procnet.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * Sockets this test JVM holds on loopback: a listener with one connection to it, and a listener
 * that nothing reached. Closing closes them all.
 */
final class OwnSockets implements AutoCloseable {
    final ServerSocket connectedListener;
    final ServerSocket idleListener;
    final Socket client;
    final Socket accepted;

    OwnSockets() throws IOException {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        connectedListener = new ServerSocket(0, 8, loopback);
        idleListener = new ServerSocket(0, 8, loopback);
        client = new Socket();
        client.connect(new InetSocketAddress(loopback, connectedListener.getLocalPort()));
        accepted = connectedListener.accept();
    }

    static long pid() {
        return ProcessHandle.current().pid();
    }

    @Override
    public void close() throws IOException {
        try (connectedListener; idleListener; client; accepted) {
            // all four are closed
        }
    }
}
