package io.procnet.server;

import io.procnet.server.internal.http.Body;
import io.procnet.server.internal.http.VendorFiles;
import io.procnet.server.internal.vendor.Download;
import io.procnet.server.internal.vendor.VendorContents;
import io.procnet.server.internal.vendor.VendorDirectory;
import io.procnet.server.internal.vendor.VisNetworkLayout;
import io.procnet.server.internal.wire.Json;
import io.procnet.server.internal.wire.WireManifest;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Puts a vis-network release into a vendor directory for {@code --vendor-dir}, as the original's
 * {@code prepare_portable.py} did: the UMD bundle as {@code vis-network-<version>.standalone.min.js},
 * its MIT licence as {@code LICENSE-MIT.vis-network-<version>.txt} (vis-network is MIT or
 * Apache-2.0 at the user's choice; the original named the MIT file), and {@code manifest.json}
 * naming the bundle with the SHA-256 of its bytes, the manifest the server reads and sends.
 *
 * <pre>{@code
 * VisNetworkVendor.Installed installed = VisNetworkVendor.builder("9.1.2")
 *         .progress(p -> System.err.print("\r" + p.line() + (p.done() ? "\n" : "")))
 *         .build()
 *         .install(Path.of("vendor"));
 * }</pre>
 *
 * Both files are downloaded and checked before anything is written: the bundle must be UTF-8
 * JavaScript with a UMD wrapper (an HTML error page, an empty or binary body, the ESM build are
 * refused), the licence UTF-8 text that reads as one, the bundle's SHA-256 the one given, if one
 * was. Neither may exceed 32 MB; redirects are followed, never from https to http. The directory is then replaced whole, atomically: a failure leaves it as it was. It may be
 * new (its parents are made) or hold vendor files only, the manifest and vis-network's files of any
 * version; anything else there is refused, since nothing else would survive the replacement.
 *
 * <p>Thread-safe: it holds its settings only. Installs into the same directory must not run at
 * once.
 */
public final class VisNetworkVendor {
    /** Where the files come from unless told otherwise: the original's CDN, the page's fallback. */
    public static final String DEFAULT_BASE_URL = VendorFiles.CDN_ORIGIN;

    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

    private final String version;
    private final URI bundleUri;
    private final URI licenceUri;
    private final String expectedSha256;
    private final Consumer<Progress> progress;
    private final long maxBytes;

    private VisNetworkVendor(Builder builder, URI base) {
        this.version = builder.version;
        this.bundleUri = base.resolve(VisNetworkLayout.packagePath(version, VisNetworkLayout.PACKAGE_BUNDLE));
        this.licenceUri = base.resolve(VisNetworkLayout.packagePath(version, VisNetworkLayout.PACKAGE_MIT_LICENCE));
        this.expectedSha256 = builder.sha256;
        this.progress = builder.progress;
        this.maxBytes = builder.maxBytes;
    }

    /**
     * Settings for one release.
     *
     * @param version as npm writes it, {@code 9.1.2} or {@code 10.0.0-rc.1}
     * @throws IllegalArgumentException naming the value, when it is not such a version
     */
    public static Builder builder(String version) {
        return new Builder(version);
    }

    /** The release. */
    public String version() {
        return version;
    }

    /** Where the bundle is downloaded from: {@code <base>/vis-network@<version>/standalone/umd/vis-network.min.js}. */
    public URI bundleUri() {
        return bundleUri;
    }

    /** Where the licence is downloaded from: {@code <base>/vis-network@<version>/LICENSE-MIT}. */
    public URI licenceUri() {
        return licenceUri;
    }

    /**
     * Downloads the bundle and the licence, checks them, and replaces {@code directory} by one
     * holding them and the manifest. Blocks until done; reports progress as it goes.
     *
     * @throws VendorException when the directory is a file or holds other files, a download fails
     *                         or brings the wrong thing, or the checksum differs; the directory is
     *                         then as it was
     */
    public Installed install(Path directory) throws VendorException {
        Objects.requireNonNull(directory, "directory");
        VendorDirectory.checkTarget(directory); // before the downloads, which would be wasted
        Download download = new Download(maxBytes);
        String jsFile = VisNetworkLayout.bundleFile(version);
        byte[] js = fetch(download, bundleUri, jsFile);
        refuseIf(VendorContents.whyNotUmdBundle(js), bundleUri);
        String sha256 = Body.sha256(js);
        if (expectedSha256 != null && !expectedSha256.equals(sha256)) {
            throw new VendorException(bundleUri + " has SHA-256 " + sha256 + ", not the " + expectedSha256
                    + " expected");
        }
        String licenceFile = VisNetworkLayout.mitLicenceFile(version);
        byte[] licence = fetch(download, licenceUri, licenceFile);
        refuseIf(VendorContents.whyNotLicence(licence), licenceUri);

        byte[] json = Json.bytes(new WireManifest(version, jsFile, sha256));
        byte[] manifest = new String(json, StandardCharsets.UTF_8).concat("\n").getBytes(StandardCharsets.UTF_8);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(jsFile, js);
        files.put(licenceFile, licence);
        files.put(VisNetworkLayout.MANIFEST, manifest);
        VendorDirectory.replace(directory, files);
        return new Installed(version, directory, jsFile, licenceFile, sha256, js.length);
    }

    private byte[] fetch(Download download, URI uri, String file) throws VendorException {
        return download.get(uri, (bytes, total, done) -> progress.accept(new Progress(uri, file, bytes, total, done)));
    }

    private static void refuseIf(Optional<String> problem, URI uri) throws VendorException {
        if (problem.isPresent()) {
            throw new VendorException(uri + " is refused: " + problem.get());
        }
    }

    /**
     * What {@link #install} wrote.
     *
     * @param directory   as given to {@link #install}
     * @param jsFile      the bundle's name in it, which the manifest names
     * @param licenceFile the licence's name in it
     * @param sha256      the bundle's SHA-256 in lower-case hex, as in the manifest
     * @param bytes       the bundle's size
     */
    public record Installed(String version, Path directory, String jsFile, String licenceFile, String sha256,
                            long bytes) {
        public Installed {
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(directory, "directory");
            Objects.requireNonNull(jsFile, "jsFile");
            Objects.requireNonNull(licenceFile, "licenceFile");
            Objects.requireNonNull(sha256, "sha256");
            if (bytes < 0) {
                throw new IllegalArgumentException("a size cannot be negative: " + bytes);
            }
        }
    }

    /**
     * How far one download has come: a report when its headers arrive (0 bytes), after each piece
     * of its body, and a last one with {@code done} true. For one file {@link #line()} never gets
     * shorter, so a terminal may rewrite it in place ({@code "\r" + line()}) and end it with a new
     * line when {@code done}.
     *
     * @param uri   where it comes from
     * @param file  its name in the vendor directory
     * @param bytes how many have arrived
     * @param total how many the server declared, or -1 when it did not
     * @param done  whether this is the download's last report; {@code bytes} is then its size
     */
    public record Progress(URI uri, String file, long bytes, long total, boolean done) {
        public Progress {
            Objects.requireNonNull(uri, "uri");
            Objects.requireNonNull(file, "file");
            if (bytes < 0 || total < -1) {
                throw new IllegalArgumentException("bytes and total cannot be negative: " + bytes + ", " + total);
            }
        }

        /** Whether the server declared the size. */
        public boolean totalKnown() {
            return total >= 0;
        }

        /** One line without a line break: {@code <file>: 345678 / 682273 bytes (50%)}, or without the total. */
        public String line() {
            if (!totalKnown()) {
                return file + ": " + bytes + " bytes" + (done ? ", done" : "");
            }
            long percent = total == 0 ? 100 : Math.min(100, bytes * 100 / total);
            return String.format(Locale.ROOT, "%s: %d / %d bytes (%d%%)", file, bytes, total, percent);
        }
    }

    /** The settings of one install; {@link #build()} makes the vendor. Not thread-safe. */
    public static final class Builder {
        private final String version;
        private String baseUrl = DEFAULT_BASE_URL;
        private String sha256;
        private Consumer<Progress> progress = p -> { };
        private long maxBytes = Download.MAX_BYTES;

        private Builder(String version) {
            Objects.requireNonNull(version, "version");
            if (!VisNetworkLayout.isVersion(version)) {
                throw new IllegalArgumentException("not a vis-network version (like 9.1.2 or 10.0.0-rc.1): " + version);
            }
            this.version = version;
        }

        /**
         * Where the npm package is served, the CDN's origin with an optional path (a mirror's);
         * {@link #DEFAULT_BASE_URL} by default.
         *
         * @throws IllegalArgumentException naming the value, when it is not an http or https URL
         *                                  with a host and without query or fragment
         */
        public Builder baseUrl(String url) {
            Objects.requireNonNull(url, "url");
            base(url); // fails now rather than at build()
            this.baseUrl = url;
            return this;
        }

        /**
         * The SHA-256 the bundle must have, in hex, either case; none by default.
         *
         * @throws IllegalArgumentException naming the value, when it is not 64 hex digits
         */
        public Builder sha256(String hex) {
            Objects.requireNonNull(hex, "hex");
            if (!SHA256.matcher(hex).matches()) {
                throw new IllegalArgumentException("a SHA-256 is 64 hex digits, not: " + hex);
            }
            this.sha256 = hex.toLowerCase(Locale.ROOT);
            return this;
        }

        /**
         * Told how the downloads go; called on an HTTP client thread, one call at a time, while
         * {@link #install} waits. An exception it throws ends the install with that exception.
         */
        public Builder progress(Consumer<Progress> progress) {
            this.progress = Objects.requireNonNull(progress, "progress");
            return this;
        }

        /** A lower bound than {@link Download#MAX_BYTES}, for this package's tests. */
        Builder maxBytes(long bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("a bound cannot be negative: " + bytes);
            }
            this.maxBytes = bytes;
            return this;
        }

        /** The vendor of these settings; it downloads nothing until {@link VisNetworkVendor#install}. */
        public VisNetworkVendor build() {
            return new VisNetworkVendor(this, base(baseUrl));
        }

        /** The base as a URI ending in {@code /}, so that a package path resolves below it. */
        private static URI base(String url) {
            URI uri;
            try {
                uri = new URI(url);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("not a URL: " + url, e);
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                    || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new IllegalArgumentException("not an http or https URL with a host, without query or fragment: "
                        + url);
            }
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            return uri.resolve(path.endsWith("/") ? path : path + "/");
        }
    }
}
