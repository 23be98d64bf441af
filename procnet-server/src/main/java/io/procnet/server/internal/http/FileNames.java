package io.procnet.server.internal.http;

import java.util.regex.Pattern;

/**
 * The only file names the server reads by a name from a URL: letters, digits, {@code _ . -}, not
 * starting with a dot, at most 100 characters. No separator, no {@code ..}, no drive, no NUL, in
 * any encoding, since the name is checked after the URL is decoded.
 */
final class FileNames {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9_.-]{0,99}");

    private FileNames() {
    }

    static boolean isPlain(String name) {
        return PLAIN.matcher(name).matches() && !name.contains("..");
    }
}
