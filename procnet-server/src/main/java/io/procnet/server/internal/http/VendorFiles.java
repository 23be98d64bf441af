package io.procnet.server.internal.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.procnet.server.internal.vendor.VisNetworkLayout;
import io.procnet.server.internal.wire.Json;
import io.procnet.server.internal.wire.WireManifest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * The vis-network files under {@code /vendor/}: the UMD bundle, its licences and stylesheet, and
 * {@code manifest.json} naming the bundle with the SHA-256 of the bytes served. They come from the
 * vis-network WebJar inside the jar, or from a vendor directory (what {@code procnet vendor}
 * writes) when it has a manifest that names a file it holds; the directory is read again when its
 * manifest changes. Thread-safe.
 */
public final class VendorFiles {
    /** Where the page falls back to when the local bundle does not load. */
    public static final String CDN_ORIGIN = "https://unpkg.com";
    static final String MANIFEST = VisNetworkLayout.MANIFEST;
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final String NO_STORE = "no-store, no-cache, must-revalidate, max-age=0";
    private static final System.Logger LOG = System.getLogger("io.procnet.server");
    private static final String WEBJAR = "META-INF/resources/webjars/vis-network/";

    /** The stamp before the directory was first looked at: unlike any, so the first look reads it. */
    private static final Object UNREAD = new Object();

    private final VendorSet bundled;
    private final Path directory;
    private volatile VendorSet fromDirectory;
    private volatile Object directoryStamp = UNREAD;

    private VendorFiles(VendorSet bundled, Path directory) {
        this.bundled = bundled;
        this.directory = directory;
    }

    /** The bundled files, overridden by {@code directory} when it is not null and has a manifest. */
    public static VendorFiles open(Path directory) {
        VendorFiles vendor = new VendorFiles(bundled(), directory);
        VendorSet served = vendor.current();
        LOG.log(System.Logger.Level.INFO, "vis-network " + served.version + ": serving /vendor/" + served.jsFile
                + " from " + served.origin);
        return vendor;
    }

    /** The manifest, as JSON with the original's three fields. */
    public Body manifest() {
        return current().manifest;
    }

    /** A file by its plain name, or null. */
    public Body file(String name) {
        Body body = current().files.get(name);
        if (body != null) {
            LOG.log(System.Logger.Level.DEBUG, "served vendor file " + name);
        }
        return body;
    }

    /** The version and bundle file served now. */
    public String describe() {
        VendorSet served = current();
        return served.version + " (" + served.jsFile + " from " + served.origin + ")";
    }

    private VendorSet current() {
        if (directory == null) {
            return bundled;
        }
        // the manifest's bytes, not its time and size: a rewrite of the same length within one tick
        // of a coarse file clock leaves both as they were
        byte[] manifest = readManifest();
        ByteBuffer stamp = manifest == null ? null : ByteBuffer.wrap(manifest);
        if (!Objects.equals(stamp, directoryStamp)) {
            synchronized (this) {
                if (!Objects.equals(stamp, directoryStamp)) {
                    fromDirectory = manifest == null ? null : readDirectory(manifest);
                    if (manifest == null) {
                        LOG.log(System.Logger.Level.WARNING, "no " + MANIFEST + " in " + directory
                                + ": serving the bundled vis-network " + bundled.version);
                    }
                    directoryStamp = stamp;
                }
            }
        }
        VendorSet files = fromDirectory;
        return files != null ? files : bundled;
    }

    private VendorSet readDirectory(byte[] manifestBytes) {
        Path manifest = directory.resolve(MANIFEST);
        try {
            WireManifest read = Json.readForeign(manifestBytes, WireManifest.class);
            String version = read.visNetworkVersion();
            String jsFile = read.jsFile();
            if (version == null || version.isEmpty() || jsFile == null || !FileNames.isPlain(jsFile)) {
                throw new IOException("it names no version or no plain js_file");
            }
            Map<String, byte[]> contents = new LinkedHashMap<>();
            try (var listing = Files.list(directory)) {
                for (Path file : (Iterable<Path>) listing::iterator) {
                    String name = file.getFileName().toString();
                    if (!name.equals(MANIFEST) && FileNames.isPlain(name) && Files.isRegularFile(file)
                            && ContentTypes.ofFileName(name) != null) {
                        contents.put(name, Files.readAllBytes(file));
                    }
                }
            }
            if (!contents.containsKey(jsFile)) {
                throw new IOException("its js_file " + jsFile + " is not there");
            }
            String declared = read.sha256Js() == null ? "" : read.sha256Js();
            String actual = Body.sha256(contents.get(jsFile));
            if (!declared.equalsIgnoreCase(actual)) {
                LOG.log(System.Logger.Level.WARNING, manifest + " gives sha256 " + declared + " for " + jsFile
                        + ", but its bytes have " + actual + ": the manifest served has the latter");
            }
            VendorSet files = new VendorSet(version, jsFile, contents, directory + " (manifest found)", NO_STORE);
            LOG.log(System.Logger.Level.INFO, "vis-network " + version + ": serving /vendor/" + jsFile + " from "
                    + files.origin);
            return files;
        } catch (JsonProcessingException e) {
            // the original message, without Jackson's location on a line of its own
            LOG.log(System.Logger.Level.WARNING, "cannot use " + manifest + ": " + e.getOriginalMessage()
                    + "; serving the bundled vis-network " + bundled.version);
            return null;
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot use " + manifest + ": " + e.getMessage()
                    + "; serving the bundled vis-network " + bundled.version);
            return null;
        }
    }

    /** The directory's manifest, or null when it has none (or it cannot be read). */
    private byte[] readManifest() {
        try {
            return Files.readAllBytes(directory.resolve(MANIFEST));
        } catch (IOException e) {
            return null;
        }
    }

    private static VendorSet bundled() {
        Properties pom = new Properties();
        try (InputStream in = resource("META-INF/maven/org.webjars.npm/vis-network/pom.properties")) {
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String version = pom.getProperty("version");
        String base = WEBJAR + version + "/";
        String jsFile = VisNetworkLayout.bundleFile(version);
        Map<String, byte[]> contents = new LinkedHashMap<>();
        contents.put(jsFile, read(base + VisNetworkLayout.PACKAGE_BUNDLE));
        contents.put(VisNetworkLayout.stylesheetFile(version), read(base + VisNetworkLayout.PACKAGE_STYLESHEET));
        contents.put(VisNetworkLayout.mitLicenceFile(version), read(base + VisNetworkLayout.PACKAGE_MIT_LICENCE));
        contents.put(VisNetworkLayout.apacheLicenceFile(version),
                read(base + VisNetworkLayout.PACKAGE_APACHE_LICENCE));
        return new VendorSet(version, jsFile, contents, "the jar (WebJar org.webjars.npm:vis-network:" + version + ")",
                IMMUTABLE);
    }

    private static byte[] read(String name) {
        try (InputStream in = resource(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = VendorFiles.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException("the jar has no " + name + ": the vis-network WebJar is missing");
        }
        return in;
    }

    /** One set of vendor files: the bundled one, or a directory's. */
    private static final class VendorSet {
        final String version;
        final String jsFile;
        final String origin;
        final Map<String, Body> files = new LinkedHashMap<>();
        final Body manifest;

        /** @param otherCaching how the files other than the bundle are cached */
        VendorSet(String version, String jsFile, Map<String, byte[]> contents, String origin, String otherCaching) {
            this.version = version;
            this.jsFile = jsFile;
            this.origin = origin;
            for (Map.Entry<String, byte[]> file : contents.entrySet()) {
                boolean bundle = file.getKey().equals(jsFile);
                files.put(file.getKey(), Body.of(file.getValue(), ContentTypes.ofFileName(file.getKey()),
                        bundle ? IMMUTABLE : otherCaching));
            }
            this.manifest = Body.of(Json.bytes(new WireManifest(version, jsFile, Body.sha256(contents.get(jsFile)))),
                    ContentTypes.JSON, NO_STORE);
        }
    }
}
