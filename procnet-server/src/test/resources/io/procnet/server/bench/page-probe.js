// Injected by BrowserBenchmark into every document before the page's own scripts. When app.js
// sets window.procnet, it hears the map's first drawing with nodes on it and the first drawing
// after window.procnetSettledAt (each time + the frame that paints it), and every change of the
// graph state with its size, the time of the page's render of it and of the drawing after, in
// window.procnetBench. It changes nothing the page does.
(() => {
  const bench = window.procnetBench = { changes: [] };
  let held;
  Object.defineProperty(window, 'procnet', {
    configurable: true,
    enumerable: true,
    get: () => held,
    set(value) {
      held = value;
      const view = value.view;
      view.network.on('afterDrawing', () => {
        if (!view.nodes.length) return;
        if (bench.firstDrawn === undefined) {
          bench.firstDrawn = performance.now();
          requestAnimationFrame(() => { bench.firstPaint = performance.now(); });
        }
        if (window.procnetSettledAt !== undefined && bench.stableDrawn === undefined) {
          bench.stableDrawn = performance.now();
          requestAnimationFrame(() => { bench.stablePaint = performance.now(); });
        }
      });
      // where a change's time goes: the page's render (it runs before this listener) and the drawing after it
      let lastRenderMillis;
      let undrawn = null;
      view.on('render', (rendered) => { lastRenderMillis = rendered.millis; });
      view.network.on('beforeDrawing', () => {
        if (undrawn && undrawn.drawStart === undefined) undrawn.drawStart = performance.now();
      });
      view.network.on('afterDrawing', () => {
        if (!undrawn || undrawn.drawStart === undefined) return;
        undrawn.drawMillis = performance.now() - undrawn.drawStart;
        undrawn = null;
      });
      value.state.onChange((change) => {
        undrawn = {
          version: value.state.version,
          whole: change.whole,
          nodes: change.addedNodes.length + change.updatedNodes.length + change.removedNodes.length,
          addedEdges: change.addedEdges.length,
          updatedEdges: change.updatedEdges.length,
          removedEdges: change.removedEdges.length,
          renderMillis: lastRenderMillis,
        };
        bench.changes.push(undrawn);
      });
    },
  });
})();
