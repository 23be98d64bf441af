package io.procnet.server.browser;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * What the browser tests read from the live page, and the one place that knows how the page shows
 * it. The tests say what a user sees ("the node {@code postgres} is shown"); when the page changes,
 * these selectors change and the tests keep their meaning.
 *
 * <p>The page draws its map on a canvas with vis-network; {@code window.procnet} (set by
 * {@code app.js}) holds the graph state, the view with what it shows (its DataSets and the
 * network), the settings, the controls and the details panel. What a user does (typing, clicking
 * a node, pressing a key) goes through real input events; only what is drawn on the canvas is read
 * from the view.
 */
final class LivePage {
    /** The filters of the toolbar, by what they show when checked. */
    enum Toggle {
        REMOTE("show-remote"), LISTENERS("show-listeners"), FOLD_GROUPS("fold-groups"), GATHER_REMOTES("fold-remotes");

        final String id;

        Toggle(String id) {
            this.id = id;
        }
    }

    /** How long it took from a change's arrival to the frame that shows it. */
    record Timing(long version, boolean whole, double millis) {
    }

    /** One issue of the status bar: its text, the issue code, and whether it shows as an error. */
    record Issue(String text, String code, boolean error) {
    }

    /** One change to a DataSet as the page made it: {@code add}, {@code update} or {@code remove} of an item. */
    record Change(String event, String set, String id, Map<String, Object> item, double at) {
    }

    private static final String VIEW = "window.procnet.view";

    private final HeadlessChromium browser;

    LivePage(HeadlessChromium browser) {
        this.browser = browser;
    }

    /** Opens the page and waits until it holds a graph from the server. */
    void open(URI url) throws InterruptedException {
        browser.open(url);
        browser.waitUntil("the page's first graph", () -> browser.script(Boolean.class,
                "return !!(window.procnet && window.procnet.state.version !== null)"));
    }

    /** Waits until the map's layout has settled: physics has stopped, and nodes move only when dragged. */
    void awaitSettled() throws InterruptedException {
        browser.waitUntil("the map's layout to settle",
                () -> browser.script(Boolean.class, "return window.procnetSettledAt !== undefined"));
    }

    /** The graph version the page holds. */
    long version() {
        return browser.script(Long.class, "return window.procnet.state.version");
    }

    /** The labels of the nodes the page shows (the graph's names, not what the canvas writes), in the page's order. */
    List<String> nodeLabels() {
        return strings("return window.procnet ? [...window.procnet.view.shownNodes.values()]"
                + ".map(([node]) => node.label) : []");
    }

    /** The ids of the nodes the map shows: in its DataSet, and not fading out. */
    List<String> nodeIds() {
        return strings("return window.procnet ? " + VIEW + ".nodes.getIds().filter((id) => !" + VIEW
                + ".fading.has(id)).sort() : []");
    }

    /** The ids of the edges the map shows: in its DataSet, and not fading out. */
    List<String> edgeIds() {
        return strings("return window.procnet ? " + VIEW + ".edges.getIds().filter((id) => !" + VIEW
                + ".fading.has(id)).sort() : []");
    }

    /** The ids in the map's node DataSet, those fading out too. */
    List<String> nodeIdsInDataSet() {
        return strings("return " + VIEW + ".nodes.getIds().sort()");
    }

    /** The map's DataSet item of a node (what vis-network draws), or null. */
    Map<String, Object> node(String id) {
        return item("nodes", id);
    }

    /** The map's DataSet item of an edge, or null. */
    Map<String, Object> edge(String id) {
        return item("edges", id);
    }

    /** The text the canvas writes on a node. */
    String drawnLabel(String id) {
        return String.valueOf(node(id).get("label"));
    }

    /**
     * The classes of the {@code title} of every node and edge in the DataSets, by id: vis-network
     * shows a string title as text, and an element as itself.
     */
    Map<String, String> titleKinds() {
        return stringMap("const kinds = {}; for (const set of [" + VIEW + ".nodes, " + VIEW + ".edges]) {"
                + " for (const item of set.get()) kinds[item.id] = item.title instanceof Element ? 'Element'"
                + " : typeof item.title; } return kinds");
    }

    /** Every node's position on the canvas, by id, as vis-network holds it. */
    Map<String, List<Double>> positions() {
        Map<?, ?> raw = browser.script(Map.class, "const at = " + VIEW + ".network.getPositions();"
                + " return Object.fromEntries(Object.entries(at).map(([id, p]) => [id, [p.x, p.y]]))");
        Map<String, List<Double>> positions = new LinkedHashMap<>();
        raw.forEach((id, at) -> positions.put((String) id,
                ((List<?>) at).stream().map(value -> ((Number) value).doubleValue()).toList()));
        return positions;
    }

    /** How long each change took to reach the screen, oldest first (the page keeps the last 200). */
    List<Timing> timings() {
        List<?> raw = browser.script(List.class, "return window.procnetTimings || []");
        return raw.stream().map(Map.class::cast).map(timing -> new Timing(((Number) timing.get("version")).longValue(),
                (Boolean) timing.get("whole"), ((Number) timing.get("millis")).doubleValue())).toList();
    }

    /** From now on, keeps every change the page makes to its DataSets, for {@link #changes()}. */
    void recordChanges() {
        browser.script(Object.class, "const log = window.__changes = [];"
                + " for (const [name, set] of [['nodes', " + VIEW + ".nodes], ['edges', " + VIEW + ".edges]]) {"
                + "   set.on('*', (event, properties) => {"
                + "     const items = event === 'remove' ? properties.oldData : properties.data || properties.items;"
                + "     for (const item of items) log.push({ event, set: name, id: typeof item === 'object' ? item.id : item,"
                + "       item: typeof item === 'object' ? JSON.parse(JSON.stringify(item)) : {}, at: performance.now() });"
                + "   });"
                + " }");
    }

    /** The changes made since {@link #recordChanges()}, in order. */
    @SuppressWarnings("unchecked")
    List<Change> changes() {
        List<?> raw = browser.script(List.class, "return window.__changes");
        return raw.stream().map(Map.class::cast).map(change -> new Change((String) change.get("event"),
                (String) change.get("set"), (String) change.get("id"), (Map<String, Object>) change.get("item"),
                ((Number) change.get("at")).doubleValue())).toList();
    }

    /** The nodes vis-network has selected. */
    List<String> selectedNodes() {
        return strings("return " + VIEW + ".network.getSelectedNodes().slice().sort()");
    }

    // --- the toolbar

    /** Types {@code text} into the search box, in place of what it held. */
    void search(String text) {
        WebElement box = element("search");
        box.click();
        box.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        if (!text.isEmpty()) {
            box.sendKeys(text);
        }
    }

    /** What the search box holds. */
    String searchText() {
        return element("search").getAttribute("value");
    }

    /** What the search says it found ({@code 2 matches}, {@code no match}). */
    String searchResult() {
        return element("search-result").getText();
    }

    /** Whether the search box has the keyboard. */
    boolean searchFocused() {
        return browser.script(Boolean.class, "return document.activeElement === document.getElementById('search')");
    }

    /** Whether a toolbar filter is checked. */
    boolean checked(Toggle toggle) {
        return element(toggle.id).isSelected();
    }

    /** Clicks a toolbar filter. */
    void click(Toggle toggle) {
        element(toggle.id).click();
    }

    /** The types the toolbar offers, each with whether it is shown. */
    Map<String, Boolean> typeFilters() {
        Map<String, Boolean> types = new LinkedHashMap<>();
        for (WebElement box : browser.driver().findElements(By.cssSelector("#type-filters input[type=checkbox]"))) {
            types.put(box.getAttribute("data-type"), box.isSelected());
        }
        return types;
    }

    /** Clicks the checkbox of a type in the toolbar. */
    void clickType(String type) {
        browser.driver().findElement(By.cssSelector("#type-filters input[data-type='" + type + "']")).click();
    }

    /** The chips of what is hidden, as they read ({@code hidden: nginx ×}). */
    List<String> hiddenChips() {
        return browser.driver().findElements(By.cssSelector("#hidden-list button")).stream().map(WebElement::getText)
                .toList();
    }

    /** Clicks the chip of something hidden, to show it again. */
    void clickHiddenChip(String text) {
        browser.driver().findElements(By.cssSelector("#hidden-list button")).stream()
                .filter(chip -> chip.getText().equals(text)).findFirst().orElseThrow().click();
    }

    /** The text of the pause button ({@code Pause} or {@code Resume}). */
    String pauseButton() {
        return element("pause").getText();
    }

    /** Presses keys with the keyboard on the page itself (nothing focused). */
    void press(CharSequence... keys) {
        browser.script(Object.class, "document.activeElement && document.activeElement.blur()");
        new Actions(browser.driver()).sendKeys(keys).perform();
    }

    /** Presses a key with a modifier held, nothing focused. */
    void pressWith(Keys modifier, String key) {
        browser.script(Object.class, "document.activeElement && document.activeElement.blur()");
        new Actions(browser.driver()).keyDown(modifier).sendKeys(key).keyUp(modifier).perform();
    }

    /** Presses keys where the keyboard is now. */
    void type(CharSequence... keys) {
        new Actions(browser.driver()).sendKeys(keys).perform();
    }

    // --- the map, as a user points at it

    /** Clicks the canvas at a node, as a user does. */
    void clickNode(String id) {
        int[] at = nodeOnScreen(id);
        new Actions(browser.driver()).moveToLocation(at[0], at[1]).click().perform();
    }

    /** Drags a node by this many screen pixels, as a user does. */
    void dragNode(String id, int dx, int dy) {
        int[] at = nodeOnScreen(id);
        new Actions(browser.driver()).moveToLocation(at[0], at[1]).clickAndHold().moveByOffset(dx / 2, dy / 2)
                .moveByOffset(dx - dx / 2, dy - dy / 2).release().perform();
    }

    /**
     * How far an edge bends from the straight line between its nodes, as vis-network draws it: the
     * signed distance of its curve's control point from the line from the lower id's node to the
     * greater id's (positive on one side, negative on the other), 0 for a straight edge.
     */
    double bendOf(String edgeId) {
        Number bend = browser.script(Number.class, """
                const edge = VIEW.network.body.edges[arguments[0]];
                const [a, b] = [edge.fromId, edge.toId].sort();
                const p = VIEW.network.getPosition(a), q = VIEW.network.getPosition(b);
                if (!edge.options.smooth.enabled) return 0;
                const via = edge.edgeType.via || edge.edgeType._getViaCoordinates();
                const length = Math.hypot(q.x - p.x, q.y - p.y);
                return ((q.x - p.x) * (via.y - p.y) - (q.y - p.y) * (via.x - p.x)) / length;
                """.replace("VIEW", VIEW), edgeId);
        return bend.doubleValue();
    }

    /** Where the page keeps a node's position across visits, or null. */
    List<Long> savedPosition(String id) {
        List<?> saved = browser.script(List.class, "const all = JSON.parse(localStorage.getItem('procnet.positions'))"
                + " || {}; return all[arguments[0]] || null", id);
        return saved == null ? null : saved.stream().map(value -> ((Number) value).longValue()).toList();
    }

    /** Whether physics and a drag may move a node: not fixed. */
    boolean draggable(String id) {
        return browser.script(Boolean.class, "const node = " + VIEW + ".network.body.nodes[arguments[0]];"
                + " return !node.options.fixed.x && !node.options.fixed.y", id);
    }

    /** The image vis-network draws for a node: its address, and whether it loaded (and so is drawn). */
    record DrawnImage(String src, boolean loaded) {
    }

    DrawnImage drawnImage(String id) {
        List<?> image = browser.script(List.class, """
                const image = VIEW.network.body.nodes[arguments[0]].imageObj.image;
                return [image.src, image.complete && image.naturalWidth > 0];
                """.replace("VIEW", VIEW), id);
        return new DrawnImage((String) image.get(0), (Boolean) image.get(1));
    }

    /** Clicks the canvas halfway along an edge (drawn straight), as a user does. */
    void clickEdge(String id) {
        List<?> at = browser.script(List.class, "const edge = " + VIEW + ".edges.get(arguments[0]);"
                + " const network = " + VIEW + ".network;"
                + " const from = network.getPosition(edge.from), to = network.getPosition(edge.to);"
                + " const p = network.canvasToDOM({ x: (from.x + to.x) / 2, y: (from.y + to.y) / 2 });"
                + " const box = network.body.container.getBoundingClientRect();"
                + " return [Math.round(box.left + p.x), Math.round(box.top + p.y)]", id);
        new Actions(browser.driver()).moveToLocation(((Number) at.get(0)).intValue(), ((Number) at.get(1)).intValue())
                .click().perform();
    }

    /** Moves the mouse onto a node and returns the tooltip vis-network shows for it. */
    Optional<WebElement> hover(String id) throws InterruptedException {
        int[] at = nodeOnScreen(id);
        new Actions(browser.driver()).moveToLocation(at[0] + 1, at[1] + 1).moveToLocation(at[0], at[1]).perform();
        browser.waitUntil("the tooltip of " + id, () -> browser.script(Boolean.class,
                "const tip = document.querySelector('div.vis-tooltip');"
                        + " return !!tip && tip.style.visibility !== 'hidden' && tip.textContent.length > 0"));
        return browser.driver().findElements(By.cssSelector("div.vis-tooltip")).stream().findFirst();
    }

    /** The map's zoom: canvas units to screen pixels. */
    double scale() {
        return ((Number) browser.script(Object.class, "return " + VIEW + ".network.getScale()")).doubleValue();
    }

    /** Whether a node lies inside the visible map. */
    boolean inView(String id) {
        return browser.script(Boolean.class, "const network = " + VIEW + ".network;"
                + " const p = network.canvasToDOM(network.getPosition(arguments[0]));"
                + " const box = network.body.container.getBoundingClientRect();"
                + " return p.x >= 0 && p.y >= 0 && p.x <= box.width && p.y <= box.height", id);
    }

    /** Pans and zooms the map far away from every node, as a user may. */
    void lookElsewhere() {
        browser.script(Object.class, VIEW + ".network.moveTo({ position: { x: 50000, y: 50000 }, scale: 4 })");
    }

    /** Fits the map to its nodes, as the Fit button does. */
    void fit() {
        element("fit").click();
    }

    private int[] nodeOnScreen(String id) {
        List<?> at = browser.script(List.class, "const network = " + VIEW + ".network;"
                + " const p = network.canvasToDOM(network.getPosition(arguments[0]));"
                + " const box = network.body.container.getBoundingClientRect();"
                + " return [Math.round(box.left + p.x), Math.round(box.top + p.y)]", id);
        return new int[] {((Number) at.get(0)).intValue(), ((Number) at.get(1)).intValue()};
    }

    // --- the details panel

    /** Opens the details panel of the process with this label, as a click on its node does. */
    void openDetails(String label) {
        browser.script(Object.class, "const node = [...window.procnet.state.nodes.values()]"
                + ".find((node) => node.label === arguments[0]); window.procnet.panel.showProcess(node)", label);
    }

    /** Whether the details panel is open. */
    boolean panelOpen() {
        return element("panel").isDisplayed();
    }

    /** The heading of the details panel. */
    String panelTitle() {
        return browser.driver().findElement(By.cssSelector("#panel-body h2")).getText();
    }

    /** The facts of the details panel, by name ({@code pid} → {@code 200}). */
    Map<String, String> panelFacts() {
        return stringMap("const facts = {}; for (const name of document.querySelectorAll('#panel-body dt'))"
                + " facts[name.textContent] = name.nextElementSibling.textContent; return facts");
    }

    /** Whether the panel shows only the first lines of a fact (its text is whole all the same). */
    boolean factClamped(String name) {
        return browser.script(Boolean.class, "const name = [...document.querySelectorAll('#panel-body dt')]"
                + ".find((dt) => dt.textContent === arguments[0]); const value = name.nextElementSibling;"
                + " return value.classList.contains('clamped') && value.scrollHeight > value.clientHeight + 1", name);
    }

    /** The rows of the panel's socket table, each its cells' text, without the header. */
    List<List<String>> socketRows() {
        List<?> rows = browser.script(List.class, "return [...document.querySelectorAll('#panel-body table.sockets tr')]"
                + ".slice(1).map((row) => [...row.cells].map((cell) => cell.textContent))");
        return rows.stream().map(row -> ((List<?>) row).stream().map(String::valueOf).toList()).toList();
    }

    /** The list of a folded group's or gathered endpoints' members in the panel. */
    List<String> panelMembers() {
        return browser.driver().findElements(By.cssSelector("#panel-body li")).stream().map(WebElement::getText).toList();
    }

    /** Clicks the panel's button of this text. */
    void clickPanelButton(String text) {
        browser.driver().findElements(By.cssSelector("#panel-body button")).stream()
                .filter(button -> button.getText().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no button '" + text + "' in the panel: " + panelText()))
                .click();
    }

    /** All the panel's text. */
    String panelText() {
        return element("panel-body").getText();
    }

    /** How many elements the panel holds that no text of the page's own makes: images, scripts, frames. */
    long panelForeignElements() {
        return browser.script(Long.class, "return document.querySelectorAll('#panel img, #panel script, #panel svg,"
                + " #panel iframe, #panel object').length");
    }

    // --- the status bar

    /** The stream's state as the status bar says it ({@code live}, {@code connection lost, reconnecting…}). */
    String streamStatus() {
        return element("status-stream").getText();
    }

    String collectorStatus() {
        return element("status-collector").getText();
    }

    /** The counts of the status bar ({@code 5 nodes, 4 edges (3 and 2 shown)}, {@code · paused} when paused). */
    String countsStatus() {
        return element("status-counts").getText();
    }

    /** Whether the status bar offers to fold a large map. */
    boolean foldingOffered() {
        return element("status-hint").isDisplayed();
    }

    /** Takes the status bar's offer to fold a large map. */
    void acceptFolding() {
        element("group-all").click();
    }

    /** Whether the status bar marks the graph stale. */
    boolean staleShown() {
        return element("status-stale").isDisplayed();
    }

    /** The issues of the status bar. */
    List<Issue> issues() {
        List<?> read = browser.script(List.class, """
                return [...document.querySelectorAll('#status-issues span')]
                    .map((issue) => [issue.textContent, issue.title, issue.classList.contains('error')]);
                """);
        return read.stream().map(List.class::cast)
                .map(issue -> new Issue((String) issue.get(0), (String) issue.get(1), (Boolean) issue.get(2)))
                .toList();
    }

    // --- the page as a whole

    /** The page's URL now, with its fragment. */
    URI url() {
        return URI.create(browser.driver().getCurrentUrl());
    }

    /** The URLs of every file the page asked for, in order, those that failed to load too. */
    List<String> requested() {
        return strings("return performance.getEntriesByType('resource').map((entry) => entry.name)");
    }

    /** All the text the page shows, as a user would read (and copy) it. */
    String visibleText() {
        return browser.script(String.class, "return document.body.innerText");
    }

    /**
     * Moves the page's clock ({@code Date.now()}) on, as if that much time had passed at once, as
     * it does for a tab that slept in the background.
     */
    void advanceClock(Duration by) {
        browser.script(Object.class, "const now = Date.now.bind(Date); const by = arguments[0];"
                + " Date.now = () => now() + by", by.toMillis());
    }

    /**
     * Whether anything on the page ran script it was not written with: the hostile names of the
     * tests set {@code window.__pwned} when they do.
     */
    boolean pwned() {
        return browser.script(Boolean.class, "return window.__pwned !== undefined");
    }

    private WebElement element(String id) {
        return browser.driver().findElement(By.id(id));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> item(String set, String id) {
        return browser.script(Map.class, "const item = " + VIEW + "." + set + ".get(arguments[0]);"
                + " return item ? JSON.parse(JSON.stringify(item)) : null", id);
    }

    private Map<String, String> stringMap(String script) {
        Map<?, ?> raw = browser.script(Map.class, script);
        Map<String, String> map = new LinkedHashMap<>();
        raw.forEach((key, value) -> map.put(String.valueOf(key), String.valueOf(value)));
        return map;
    }

    private List<String> strings(String script) {
        List<?> items = browser.script(List.class, script);
        return items.stream().map(String::valueOf).toList();
    }
}
