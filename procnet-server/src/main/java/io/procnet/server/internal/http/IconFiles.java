package io.procnet.server.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The icon of a node type: {@code <type>.png} from the icons directory, else from the built-in
 * set, else {@code service.png} from either, else none (the page then draws a glyph). Types take
 * the original's file names: {@code message_broker} is {@code mq.png}, {@code load_balancer}
 * {@code lb.png}. Only plain names are looked up, and a file is read only when its real path lies
 * in the icons directory, so no name or link reaches outside it. Thread-safe.
 */
public final class IconFiles {
    static final String FALLBACK = "service";
    private static final Map<String, String> FILE_OF_TYPE = Map.of("message_broker", "mq", "load_balancer", "lb");
    private static final String BUILT_IN = "/io/procnet/server/icons/"; // in this module: found through a class of it

    private final Path directory;
    private final String builtInRoot;
    private final Map<String, Body> builtIn = new ConcurrentHashMap<>();

    /** @param directory the user's icons, or null for the built-in set only */
    public IconFiles(Path directory) {
        this(directory, BUILT_IN);
    }

    /**
     * @param builtInRoot where the built-in set lies among this module's resources: a test gives a
     *                    set of its own, since the real one may or may not have a given file
     */
    IconFiles(Path directory, String builtInRoot) {
        this.directory = directory;
        this.builtInRoot = builtInRoot;
    }

    /**
     * The icon for a request name such as {@code database.png}, or null when none fits.
     *
     * @throws IllegalArgumentException when the name is not a plain {@code <name>.png}
     */
    public Body icon(String requestName) throws IOException {
        if (!requestName.endsWith(".png") || !FileNames.isPlain(requestName)) {
            throw new IllegalArgumentException("not an icon name: " + requestName);
        }
        String stem = requestName.substring(0, requestName.length() - 4);
        for (String name : List.of(FILE_OF_TYPE.getOrDefault(stem, stem), FALLBACK)) {
            Body icon = fromDirectory(name + ".png");
            if (icon == null) {
                icon = builtIn(name + ".png");
            }
            if (icon != null) {
                return icon;
            }
        }
        return null;
    }

    private Body fromDirectory(String file) throws IOException {
        if (directory == null) {
            return null;
        }
        Path path = directory.resolve(file);
        if (!Files.isRegularFile(path)) {
            return null;
        }
        Path real = path.toRealPath();
        if (!real.getParent().equals(directory.toRealPath()) || !Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
            return null; // a link that leads out of the icons directory
        }
        return Body.of(Files.readAllBytes(real), ContentTypes.PNG, "no-cache");
    }

    private Body builtIn(String file) throws IOException {
        Body cached = builtIn.get(file);
        if (cached != null) {
            return cached;
        }
        try (InputStream in = IconFiles.class.getResourceAsStream(builtInRoot + file)) {
            if (in == null) {
                return null;
            }
            Body icon = Body.of(in.readAllBytes(), ContentTypes.PNG, "public, max-age=3600");
            builtIn.put(file, icon);
            return icon;
        }
    }
}
