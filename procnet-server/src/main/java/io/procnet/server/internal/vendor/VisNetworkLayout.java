package io.procnet.server.internal.vendor;

import java.util.regex.Pattern;

/**
 * Where vis-network's files are: in its npm package, whose layout the CDN and the WebJar share,
 * and in a vendor directory, where each name carries the version so that a browser may cache the
 * file for good. Pure and thread-safe.
 */
public final class VisNetworkLayout {
    /** The UMD bundle in the package: one file that a page loads with a script tag, no module loader. */
    public static final String PACKAGE_BUNDLE = "standalone/umd/vis-network.min.js";
    /** The package's licences: vis-network is dual-licensed, MIT or Apache-2.0, at the user's choice. */
    public static final String PACKAGE_MIT_LICENCE = "LICENSE-MIT";
    public static final String PACKAGE_APACHE_LICENCE = "LICENSE-APACHE-2.0";
    public static final String PACKAGE_STYLESHEET = "styles/vis-network.min.css";
    /** The manifest of a vendor directory; see {@code WireManifest}. */
    public static final String MANIFEST = "manifest.json";

    /**
     * A release version as npm writes it, {@code 9.1.2} or {@code 10.0.0-beta.1}: nothing that could
     * leave its place in a URL path or a file name (no {@code /}, no {@code ..}, no {@code %}).
     */
    private static final Pattern VERSION = Pattern.compile("\\d{1,9}\\.\\d{1,9}\\.\\d{1,9}(-[0-9A-Za-z.-]{1,64})?");

    private VisNetworkLayout() {
    }

    public static boolean isVersion(String version) {
        return VERSION.matcher(version).matches() && !version.contains("..");
    }

    /** The npm package's path on a CDN: {@code vis-network@<version>/<file>}. */
    public static String packagePath(String version, String file) {
        return "vis-network@" + version + "/" + file;
    }

    public static String bundleFile(String version) {
        return "vis-network-" + version + ".standalone.min.js";
    }

    public static String mitLicenceFile(String version) {
        return "LICENSE-MIT.vis-network-" + version + ".txt";
    }

    public static String apacheLicenceFile(String version) {
        return "LICENSE-APACHE-2.0.vis-network-" + version + ".txt";
    }

    public static String stylesheetFile(String version) {
        return "vis-network-" + version + ".min.css";
    }

    /**
     * Whether a vendor directory may hold a file of this name: the manifest, and the names above for
     * any version (what this tool and the original's script write). A directory holding anything
     * else is not one to replace whole.
     */
    public static boolean isVendorFile(String name) {
        return name.equals(MANIFEST)
                || name.matches("vis-network-[0-9A-Za-z.-]+\\.(js|css|map)")
                || name.matches("LICENSE-[0-9A-Za-z.-]+\\.vis-network-[0-9A-Za-z.-]+\\.txt");
    }
}
