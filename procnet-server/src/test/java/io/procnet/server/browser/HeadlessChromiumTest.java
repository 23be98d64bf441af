package io.procnet.server.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.UnhandledAlertException;

/** The harness itself, on pages of its own: it sees what the page tests rely on it to see. */
@BrowserTest
class HeadlessChromiumTest {
    private static HeadlessChromium browser;

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = HeadlessChromium.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void readsEveryLevelOfTheConsoleAndUncaughtErrors() throws Exception {
        browser.open(page("<script>console.log('a log', 1); console.info('an info'); console.warn('a warning');"
                + " console.error('an error'); console.debug('a debug');"
                + " setTimeout(() => { throw new Error('boom'); }, 0);"
                + " setTimeout(() => console.log('later'), 100);</script>"));

        assertThat(browser.awaitConsole("later").level()).isEqualTo(Level.INFO);
        assertThat(browser.console()).extracting(ConsoleMessage::level)
                .containsExactly(Level.INFO, Level.INFO, Level.WARNING, Level.SEVERE, Level.FINE, Level.SEVERE,
                        Level.INFO);
        assertThat(browser.console().get(0).text()).contains("\"a log\" 1");
        assertThat(browser.consoleErrors()).extracting(ConsoleMessage::text)
                .satisfiesExactly(text -> assertThat(text).contains("\"an error\""),
                        text -> assertThat(text).contains("Uncaught Error: boom"));
    }

    @Test
    void aNewPageStartsWithAnEmptyConsole() throws Exception {
        browser.open(page("<script>console.error('from the first page')</script>"));
        browser.awaitConsole("from the first page");
        browser.open(page("<p>quiet</p>"));
        assertThat(browser.console()).isEmpty();
    }

    @Test
    void anOpenDialogIsSeenAndFailsEveryLaterCommand() throws Exception {
        browser.open(page("<p>dialog</p>"));
        assertThat(browser.dialog()).isEmpty();
        browser.script(Object.class, "setTimeout(() => alert('from the page'), 0)");
        browser.waitUntil("the dialog", () -> browser.dialog().isPresent());

        assertThat(browser.dialog()).contains("from the page");
        assertThatThrownBy(() -> browser.script(Long.class, "return 1"))
                .isInstanceOf(UnhandledAlertException.class).hasMessageContaining("from the page");
        browser.open(page("<p>after</p>"));
        assertThat(browser.dialog()).isEmpty();
        assertThat(browser.script(Long.class, "return 1")).isEqualTo(1L);
    }

    @Test
    void settlingWaitsForTheErrorHandlerOfABrokenImage() throws Exception {
        browser.open(page("<p>images</p>"));
        browser.script(Object.class, "document.body.innerHTML = '<img src=nowhere onerror=\"window.__pwned=1\">'");
        browser.settle();
        assertThat(browser.script(Long.class, "return window.__pwned")).isEqualTo(1L);
    }

    @Test
    void aScreenshotIsAPngOfTheWholeViewport(@TempDir Path dir) throws Exception {
        browser.open(page("<p>screenshot</p>"));
        Path file = browser.screenshot(dir.resolve("shots/page.png"));

        ByteBuffer png = ByteBuffer.wrap(Files.readAllBytes(file));
        assertThat(png.getLong(0)).as("PNG signature").isEqualTo(0x89504e470d0a1a0aL);
        // the viewport is the window less its (invisible) toolbar, the same every time
        assertThat(png.getInt(16)).isEqualTo(HeadlessChromium.WIDTH);
        assertThat((long) png.getInt(20)).isEqualTo(browser.script(Long.class, "return window.innerHeight"))
                .isLessThanOrEqualTo(HeadlessChromium.HEIGHT);
    }

    @Test
    void startedWithinAFewSeconds() {
        assertThat(browser.startupTime()).isPositive().isLessThan(HeadlessChromium.TIMEOUT);
    }

    private static URI page(String body) throws URISyntaxException {
        return new URI("data", "text/html,<!doctype html><html><body>" + body + "</body></html>", null);
    }
}
