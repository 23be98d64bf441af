package io.procnet.server.browser;

import java.util.List;

/**
 * What the browser tests read from the live page, and the one place that knows how the page shows
 * it. The tests say what a user sees ("the node {@code postgres} is shown"); when the page changes,
 * these selectors change and the tests keep their meaning.
 *
 * <p>The page now: the text view of {@code index.html} and {@code live.js}, one {@code <li>} per
 * node in {@code #nodes}, reading {@code <label>  pid <pid>  <type>} for a process and
 * {@code <label>  <type>} for the others (two spaces between the parts).
 */
final class LivePage {
    private final HeadlessChromium browser;

    LivePage(HeadlessChromium browser) {
        this.browser = browser;
    }

    /** The labels of the nodes the page shows, in the page's order. */
    List<String> nodeLabels() {
        return strings("return [...document.querySelectorAll('#nodes li')]"
                + ".map((item) => item.textContent.split('  ')[0])");
    }

    /** All the text the page shows, as a user would read (and copy) it. */
    String visibleText() {
        return browser.script(String.class, "return document.body.innerText");
    }

    /**
     * Whether anything on the page ran script it was not written with: the hostile names of the
     * tests set {@code window.__pwned} when they do.
     */
    boolean pwned() {
        return browser.script(Boolean.class, "return window.__pwned !== undefined");
    }

    private List<String> strings(String script) {
        List<?> items = browser.script(List.class, script);
        return items.stream().map(String::valueOf).toList();
    }
}
