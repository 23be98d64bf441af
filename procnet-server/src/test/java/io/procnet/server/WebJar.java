package io.procnet.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The vis-network WebJar on the test path: its version and the files of its npm package. */
public final class WebJar {
    private WebJar() {
    }

    public static String version() {
        Properties pom = new Properties();
        try (InputStream in = resource("META-INF/maven/org.webjars.npm/vis-network/pom.properties")) {
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pom.getProperty("version");
    }

    /** A file by its path in the package ({@code standalone/umd/vis-network.min.js}). */
    public static byte[] file(String path) {
        try (InputStream in = resource("META-INF/resources/webjars/vis-network/" + version() + "/" + path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = WebJar.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException("no " + name + " on the test path");
        }
        return in;
    }
}
