package io.procnet.server.internal.http;

import io.procnet.server.internal.wire.WireHost;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** This machine's name and operating system, found without a DNS lookup where the OS says its name. */
public final class ThisHost {
    private ThisHost() {
    }

    public static WireHost describe() {
        String os = System.getProperty("os.name") + " " + System.getProperty("os.version") + " ("
                + System.getProperty("os.arch") + ")";
        return new WireHost(name(), os);
    }

    static String name() {
        String windows = System.getenv("COMPUTERNAME");
        if (windows != null && !windows.isBlank()) {
            return windows.trim();
        }
        try {
            String linux = Files.readString(Path.of("/proc/sys/kernel/hostname"), StandardCharsets.UTF_8).trim();
            if (!linux.isEmpty()) {
                return linux;
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: ask the resolver below
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
