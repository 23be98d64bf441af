// The page: loads vis-network, then, in window.startApp(), wires the graph state, the stream, the
// map, the toolbar, the panel and the status bar together.

import { loadVisAndStart } from './loader.js';
import { GraphState } from './graph-state.js';
import { followEvents } from './stream.js';
import { LARGE_GRAPH, MapView } from './view.js';
import { Controls, readSettings } from './controls.js';
import { canFold } from './projection.js';
import { Panel } from './panel.js';
import { StatusBar } from './status.js';

window.startApp = () => {
  const state = new GraphState();
  const settings = readSettings(location.hash);
  const view = new MapView(document.getElementById('map'), state, settings);
  const status = new StatusBar();
  let shown = null; // what the last render drew
  let controls = null;
  const panel = new Panel({ hide: (kind, value) => controls.hide(kind, value) });
  controls = new Controls(state, view, settings, () => {
    view.render();
    if (settings.paused) status.graph(state, shown, true); // a paused view renders nothing: say so here
  });
  view.setPaused(settings.paused);
  view.on('render', (rendered) => {
    shown = rendered;
    window.procnetLastRender = rendered;
    status.graph(state, shown, settings.paused);
    status.offerGrouping(rendered.nodes.size > LARGE_GRAPH && canFold(rendered, settings));
  });
  document.getElementById('group-all').addEventListener('click', () => controls.foldAll());
  view.on('select', ({ node, edge }) => {
    if (node && node.kind === 'FOLD') {
      settings.unfolded.add(node.group);
      controls.changed();
      panel.showMembers(node, node.label + ' ×' + node.members.length, 'Fold again', () => {
        settings.unfolded.delete(node.group);
        controls.changed();
      });
    } else if (node && node.kind === 'REMOTES') {
      const owner = node.id.slice('remotes:'.length);
      settings.expanded.add(owner);
      controls.changed();
      panel.showMembers(node, node.members.length + ' remote endpoints', 'Gather again', () => {
        settings.expanded.delete(owner);
        controls.changed();
      });
    } else if (node && node.kind === 'PROCESS') {
      panel.showProcess(node);
    } else if (node) {
      panel.showNode(node);
    } else if (edge) {
      panel.showEdge(edge);
    }
  });
  state.onChange((change) => {
    const arrived = performance.now();
    view.render(); // which tells the status bar, unless paused
    controls.graphChanged();
    if (settings.paused) status.graph(state, shown, true);
    timeToPaint(state.version, change.whole, arrived);
  });
  followEvents(state, (streamState) => status.stream(streamState));
  window.procnet = { state, view, settings, controls, panel }; // for the console, the tests and the benchmarks
};

/**
 * How long each change took from its arrival to the frame that shows it (two animation frames on:
 * vis-network draws in the first), kept in window.procnetTimings for the tests and benchmarks.
 */
function timeToPaint(version, whole, arrived) {
  const timings = window.procnetTimings || (window.procnetTimings = []);
  requestAnimationFrame(() => requestAnimationFrame(() => {
    timings.push({ version, whole, millis: performance.now() - arrived });
    if (timings.length > 200) timings.shift();
  }));
}

loadVisAndStart().catch((error) => {
  console.error('vis-network could not be loaded: ' + error.message);
  document.getElementById('status-stream').textContent = 'vis-network could not be loaded: ' + error.message;
});
