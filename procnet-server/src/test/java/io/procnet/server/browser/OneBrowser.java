package io.procnet.server.browser;

import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** One headless Chromium for all the tests of a class, and the live page read through it. */
abstract class OneBrowser {
    static HeadlessChromium browser;
    static LivePage page;

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = HeadlessChromium.start();
        page = new LivePage(browser);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }
}
