package io.procnet.collect.posix.internal.linux;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The network namespaces of the processes under {@code /proc}, from their {@code ns/net} links. */
public final class NetNamespaces {
    private final Path procRoot;

    public NetNamespaces(Path procRoot) {
        this.procRoot = procRoot;
    }

    /**
     * Every network namespace but our own ({@code net:[4026532200]}), each with one process in
     * it; namespaces whose processes we may not inspect are not seen.
     */
    public Map<String, Long> others() {
        Map<String, Long> namespaces = new LinkedHashMap<>();
        String own = namespaceOf(procRoot.resolve("self"));
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(procRoot)) {
            for (Path entry : entries) {
                long pid = SocketOwners.parsePid(entry.getFileName().toString());
                if (pid < 0) {
                    continue;
                }
                String namespace = namespaceOf(entry);
                if (namespace != null && !namespace.equals(own)) {
                    namespaces.putIfAbsent(namespace, pid);
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        return namespaces;
    }

    private static String namespaceOf(Path processDir) {
        try {
            return Files.readSymbolicLink(processDir.resolve("ns/net")).toString();
        } catch (IOException | UnsupportedOperationException e) {
            return null; // exited, or not ours to see
        }
    }
}
