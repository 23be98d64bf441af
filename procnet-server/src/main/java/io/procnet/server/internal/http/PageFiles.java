package io.procnet.server.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The page's files, read from the jar once. Immutable and thread-safe. */
public final class PageFiles {
    static final String INDEX = "index.html";
    private static final String ROOT = "/io/procnet/server/page/"; // in this module: found through a class of it
    /** The page's modules by job (see each file's opening comment), its stylesheet and its document. */
    private static final List<String> NAMES = List.of(INDEX, "procnet.css", "app.js", "loader.js", "graph-state.js",
            "stream.js", "projection.js", "appearance.js", "view.js", "controls.js", "panel.js", "status.js");

    private final Map<String, Body> files = new LinkedHashMap<>();

    public PageFiles() {
        for (String name : NAMES) {
            try (InputStream in = PageFiles.class.getResourceAsStream(ROOT + name)) {
                if (in == null) {
                    throw new IllegalStateException("the jar has no " + ROOT + name);
                }
                files.put(name, Body.of(in.readAllBytes(), ContentTypes.ofFileName(name), "no-cache"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A file by name, or null. */
    public Body file(String name) {
        return files.get(name);
    }
}
