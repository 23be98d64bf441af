package io.procnet.server.browser;

import java.util.List;

/**
 * What the browser tests read from the live page, and the one place that knows how the page shows
 * it. The tests say what a user sees ("the node {@code postgres} is shown"); when the page changes,
 * these selectors change and the tests keep their meaning.
 *
 * <p>The page draws its map on a canvas with vis-network; {@code window.procnet} (set by
 * {@code app.js}) holds the graph state, the view with what it shows, the settings, the controls
 * and the details panel.
 */
final class LivePage {
    private final HeadlessChromium browser;

    LivePage(HeadlessChromium browser) {
        this.browser = browser;
    }

    /** The labels of the nodes the page shows, in the page's order. */
    List<String> nodeLabels() {
        return strings("return window.procnet ? [...window.procnet.view.shownNodes.values()]"
                + ".map(([node]) => node.label) : []");
    }

    /** Opens the details panel of the process with this label, as a click on its node does. */
    void openDetails(String label) {
        browser.script(Object.class, "const node = [...window.procnet.state.nodes.values()]"
                + ".find((node) => node.label === arguments[0]); window.procnet.panel.showProcess(node)", label);
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
