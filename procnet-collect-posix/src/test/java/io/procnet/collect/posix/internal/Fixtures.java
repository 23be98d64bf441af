package io.procnet.collect.posix.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Recorded fixtures from src/test/resources, next to the test that reads them. */
public final class Fixtures {
    private Fixtures() {
    }

    public static byte[] bytes(Class<?> test, String name) {
        try (InputStream in = test.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name + " next to " + test.getName());
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(Class<?> test, String name) {
        return new String(bytes(test, name), java.nio.charset.StandardCharsets.UTF_8);
    }
}
