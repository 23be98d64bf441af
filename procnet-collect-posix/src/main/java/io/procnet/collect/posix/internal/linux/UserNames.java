package io.procnet.collect.posix.internal.linux;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** User names by uid, from {@code /etc/passwd}; read again when an unknown uid shows up, at most once a minute. */
public final class UserNames {
    private static final long REREAD_NANOS = 60_000_000_000L;

    private final Path passwd;
    private Map<Long, String> names = Map.of();
    private long readAt = Long.MIN_VALUE / 2;

    public UserNames(Path passwd) {
        this.passwd = passwd;
    }

    /** The name of {@code uid}, or its number as text when no name is known. */
    public synchronized String nameOf(long uid) {
        String name = names.get(uid);
        if (name == null && System.nanoTime() - readAt > REREAD_NANOS) {
            readAt = System.nanoTime();
            try {
                names = parsePasswd(ProcFiles.read(passwd));
            } catch (IOException e) {
                names = Map.of();
            }
            name = names.get(uid);
        }
        return name != null ? name : Long.toString(uid);
    }

    /** {@code name:x:uid:gid:...} lines; malformed lines are skipped. */
    public static Map<Long, String> parsePasswd(String text) {
        Map<Long, String> names = new HashMap<>();
        for (String line : text.split("\n")) {
            String[] fields = line.split(":", -1);
            if (fields.length >= 3 && !fields[0].isEmpty()) {
                try {
                    names.putIfAbsent(Long.parseLong(fields[2].strip()), fields[0]);
                } catch (NumberFormatException e) {
                    // not a passwd line
                }
            }
        }
        return names;
    }
}
