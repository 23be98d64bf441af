package io.procnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code procnet vendor} against a local HTTP server that serves vis-network's npm package as the
 * CDN does (the CDN is not reachable from the test machines): the bundle, its licence, a manifest.
 */
class VendorIT {
    private static final String VERSION = "9.1.2";
    private static final String WEBJAR = "/META-INF/resources/webjars/vis-network/" + VERSION + "/";

    private HttpServer cdn;
    private String base;
    private byte[] bundle;

    @BeforeEach
    void serve() throws IOException {
        bundle = resource(WEBJAR + "standalone/umd/vis-network.min.js");
        byte[] licence = resource(WEBJAR + "LICENSE-MIT");
        cdn = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 8);
        cdn.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            byte[] body = path.equals("/vis-network@" + VERSION + "/standalone/umd/vis-network.min.js") ? bundle
                    : path.equals("/vis-network@" + VERSION + "/LICENSE-MIT") ? licence : null;
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                if (body != null) {
                    out.write(body);
                }
            }
        });
        cdn.start();
        base = "http://127.0.0.1:" + cdn.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        cdn.stop(0);
    }

    @Test
    void writesTheBundleItsLicenceAndAManifestWithItsChecksum(@TempDir Path dir) throws Exception {
        Path vendor = dir.resolve("vendor");
        ProcnetJar.Result result = ProcnetJar.run("vendor", "--version", VERSION, "--out", vendor.toString(),
                "--base-url", base);
        assertThat(result.exitCode()).as(result.toString()).isZero();
        String sha = sha256(bundle);
        assertThat(vendor.toFile().list()).containsExactlyInAnyOrder("vis-network-" + VERSION + ".standalone.min.js",
                "LICENSE-MIT.vis-network-" + VERSION + ".txt", "manifest.json");
        assertThat(Files.readAllBytes(vendor.resolve("vis-network-" + VERSION + ".standalone.min.js"))).isEqualTo(bundle);
        JsonNode manifest = new ObjectMapper().readTree(vendor.resolve("manifest.json").toFile());
        assertThat(manifest.get("vis_network_version").asText()).isEqualTo(VERSION);
        assertThat(manifest.get("js_file").asText()).isEqualTo("vis-network-" + VERSION + ".standalone.min.js");
        assertThat(manifest.get("sha256_js").asText()).isEqualTo(sha);
        assertThat(result.out()).contains("sha256 " + sha).contains("--vendor-dir " + vendor);
        assertThat(result.err()).contains("vis-network-" + VERSION + ".standalone.min.js: " + bundle.length + " / "
                + bundle.length + " bytes (100%)");
        assertThat(dir.toFile().list()).containsExactly("vendor"); // no temporary directory left

        ProcnetJar.Result again = ProcnetJar.run("vendor", "--version", VERSION, "--out", vendor.toString(),
                "--base-url", base, "--sha256", sha.toUpperCase(java.util.Locale.ROOT));
        assertThat(again.exitCode()).as(again.toString()).isZero();
    }

    @Test
    void aWrongChecksumLeavesTheOldDirectoryAsItWas(@TempDir Path dir) throws Exception {
        Path vendor = dir.resolve("vendor");
        assertThat(ProcnetJar.run("vendor", "--version", VERSION, "--out", vendor.toString(), "--base-url", base)
                .exitCode()).isZero();
        Map<String, String> before = contents(vendor);

        String wrong = "0".repeat(64);
        ProcnetJar.Result result = ProcnetJar.run("vendor", "--version", VERSION, "--out", vendor.toString(),
                "--base-url", base, "--sha256", wrong);
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.err()).contains(wrong).contains(vendor + " is as it was").doesNotContain("\tat ");
        assertThat(contents(vendor)).isEqualTo(before);
        assertThat(dir.toFile().list()).containsExactly("vendor");
    }

    @Test
    void anHttpErrorLeavesTheOldDirectoryAsItWas(@TempDir Path dir) throws Exception {
        Path vendor = dir.resolve("vendor");
        assertThat(ProcnetJar.run("vendor", "--version", VERSION, "--out", vendor.toString(), "--base-url", base)
                .exitCode()).isZero();
        Map<String, String> before = contents(vendor);

        ProcnetJar.Result result = ProcnetJar.run("vendor", "--version", "9.1.3", "--out", vendor.toString(),
                "--base-url", base);
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.err()).contains("404").contains("vis-network@9.1.3").doesNotContain("\tat ");
        assertThat(contents(vendor)).isEqualTo(before);
    }

    private static Map<String, String> contents(Path dir) throws Exception {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path file : list.toList()) {
                files.put(file.getFileName().toString(), sha256(Files.readAllBytes(file)));
            }
        }
        return files;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static byte[] resource(String path) throws IOException {
        try (InputStream in = VendorIT.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException("no " + path + " on the class path");
            }
            return in.readAllBytes();
        }
    }
}
