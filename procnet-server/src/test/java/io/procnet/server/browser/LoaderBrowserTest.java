package io.procnet.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.procnet.server.ProcnetServer;
import io.procnet.server.ScriptedSource;
import io.procnet.server.TestServers;
import io.procnet.server.TestSnapshots;
import io.procnet.server.WebJar;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the page loads vis-network: the local bundle the manifest names, else the CDN's file of the
 * same version. One browser for the class.
 *
 * <p>The server never serves a manifest that names a missing file: it falls back to its bundled
 * copy (VendorTest). So that the page's own fallback is tested, the browser refuses the local
 * bundle (and, so that nothing leaves this machine, the CDN) with DevTools' blocked URLs, which
 * fail a request as a network error does, without a console entry of its own: the page's resource
 * timing shows what it asked for.
 */
@BrowserTest
class LoaderBrowserTest extends OneBrowser {
    private static final ScriptedSource SOURCE = new ScriptedSource(tick -> new TestSnapshots()
            .listen(10, "0.0.0.0:5432").est(20, "127.0.0.1:40000", "127.0.0.1:5432").at(tick));
    private static final String CDN_FILE = "https://unpkg.com/vis-network@9.9.9/standalone/umd/vis-network.min.js";

    @Test
    void theLocalBundleIsLoadedAndNothingComplains() throws Exception {
        try (ProcnetServer server = TestServers.start(SOURCE, 100)) {
            page.open(server.url());
            browser.waitFor("the graph", page::nodeIds, ids -> ids.contains("proc:20"));

            assertThat(browser.console()).anySatisfy(message -> {
                assertThat(message.level()).isEqualTo(Level.INFO);
                assertThat(message.text()).contains("using LOCAL: /vendor/vis-network-" + WebJar.version()
                        + ".standalone.min.js");
            });
            assertThat(browser.console()).as("no warning, no error")
                    .allSatisfy(message -> assertThat(message.level()).isEqualTo(Level.INFO));
        }
    }

    @Test
    void withoutTheLocalBundleTheCdnOfTheManifestsVersionIsTried(@TempDir Path vendor) throws Exception {
        String file = "vis-network-9.9.9.standalone.min.js";
        String bundle = "/* vis-network 9.9.9, never loaded */";
        Files.writeString(vendor.resolve(file), bundle);
        Files.writeString(vendor.resolve("manifest.json"), "{\"vis_network_version\": \"9.9.9\", \"js_file\": \""
                + file + "\", \"sha256_js\": \"\"}");
        try (ProcnetServer server = TestServers.builder(SOURCE, 100).vendorDir(vendor).start()) {
            block(List.of("*/vendor/" + file, "https://unpkg.com/*"));
            browser.open(server.url());
            browser.awaitConsole("local missing, using CDN: " + CDN_FILE);
            browser.waitFor("the page saying so", page::streamStatus,
                    text -> text.equals("vis-network could not be loaded: cannot load " + CDN_FILE));

            assertThat(page.requested()).as("what the page asked for")
                    .containsSubsequence(server.url().resolve("/vendor/" + file).toString(), CDN_FILE);
            List<ConsoleMessage> errors = browser.consoleErrors();
            assertThat(errors).extracting(ConsoleMessage::text).singleElement().asString()
                    .contains("vis-network could not be loaded: cannot load " + CDN_FILE);
            assertThat(errors).as("nothing uncaught").noneSatisfy(error -> assertThat(error.text()).contains("Uncaught"));
            assertThat(browser.dialog()).isEmpty();
            assertThat(browser.script(String.class, "return [...document.scripts].find((script) =>"
                    + " script.src === arguments[0]).integrity", CDN_FILE))
                    .as("only the bytes whose sha256 the served manifest gives (that of the local file)")
                    .isEqualTo("sha256-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                            .digest(bundle.getBytes(StandardCharsets.UTF_8))));
            assertThat(browser.script(Boolean.class, "return window.procnet === undefined")).isTrue();
        } finally {
            block(List.of());
        }
    }

    private static void block(List<String> urls) {
        browser.cdp("Network.enable", Map.of());
        browser.cdp("Network.setBlockedURLs", Map.of("urls", urls));
    }
}
