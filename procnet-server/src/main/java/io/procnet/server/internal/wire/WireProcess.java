package io.procnet.server.internal.wire;

import java.util.List;

/**
 * A process: every field of {@code ProcessInfo}. {@code parentPid} is -1 when unknown, {@code user}
 * and {@code startTime} (ISO-8601) are null when unknown, the other texts empty.
 */
public record WireProcess(long pid, long parentPid, String name, String commandLine, String user, String startTime,
                          String executable, List<String> services) {
}
