// The map: vis-network over two DataSets that hold exactly what the projection says to draw. Each
// render changes them with one remove, one add and one update call per DataSet, for only the items
// that changed; positions never jump: physics settles once and stops, a new node starts next to a
// node it connects to, and positions are kept across reloads in local storage.

import { edgeItem, nodeItem } from './appearance.js';
import { project } from './projection.js';

const POSITIONS_KEY = 'procnet.positions';
const MAX_SAVED_POSITIONS = 20000;
const NEW_FOR_MS = 10_000;
const MARK_CHECK_MS = 2000;
const FADE_MS = 1200;
export const LARGE_GRAPH = 400;
/**
 * Below this zoom, a large map leaves out the arrowheads: they are under 4 px long (10.5 units at an edge's
 * width of 1), and drawing 3,000 of them takes as long as drawing the lines. Node labels fade out at about
 * the same zoom (vis-network's drawThreshold).
 */
const ARROWS_FROM_SCALE = 0.35;
const STABILIZATION_STEPS = 100;
/** Between two nodes of the first picture before it is laid out: a little less than an edge's length. */
const SEED_SPACING = 80;
/** Between the directions of successive new nodes placed beside others: they spread evenly round. */
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));
/**
 * What a node shows when its icon does not load. The server answers /icons/<type>.png with service.png when it
 * has no icon for the type, so an icon fails only when even that is missing or the server cannot be reached.
 */
const FALLBACK_GLYPH = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><circle cx="32" cy="32" r="28" fill="#56b4e9"/>'
  + '<circle cx="32" cy="32" r="11" fill="#fff"/></svg>');

export class MapView {
  constructor(container, state, settings) {
    this.state = state;
    this.settings = settings;
    this.nodes = new vis.DataSet();
    this.edges = new vis.DataSet();
    this.shownNodes = new Map(); // id -> [projected node, signature, mark, extra] (see diff)
    this.shownEdges = new Map();
    this.firstSeen = new Map();
    this.fading = new Map(); // id -> the batch it fades out with
    this.positions = loadPositions();
    this.settled = false;
    this.stabilizing = false;
    this.paused = false;
    this.large = false;
    this.arrows = true;
    this.listeners = { select: [], render: [] };
    this.network = new vis.Network(container, { nodes: this.nodes, edges: this.edges }, options());
    this.network.on('stabilizationIterationsDone', () => this.settle());
    this.network.on('dragEnd', (event) => event.nodes.length && this.keepPositions(event.nodes));
    this.network.on('click', (event) => this.clicked(event));
    this.network.on('zoom', () => this.showArrows());
    this.nextUnmark = Infinity; // when the first mark drawn now expires
    // a mark that expired goes with the next render: a delta's, or this one's if none came since (however late:
    // a tab in the background runs this interval once a minute)
    setInterval(() => {
      if (Date.now() >= this.nextUnmark) this.render();
    }, MARK_CHECK_MS);
    window.addEventListener('pagehide', () => this.keepPositions(this.nodes.getIds(), true));
  }

  on(event, listener) {
    this.listeners[event].push(listener);
  }

  /** While paused, render() draws nothing; the render after resuming draws what came meanwhile. */
  setPaused(paused) {
    this.paused = paused;
  }

  /** Draws what the projection of the current graph says, changing only what changed. */
  render() {
    if (this.paused) return;
    const started = performance.now();
    const { nodes, edges, shownAs } = project(this.state, this.settings);
    this.shownAs = shownAs;
    const now = Date.now();
    this.nextUnmark = Infinity;
    const large = nodes.size > LARGE_GRAPH;
    if (large !== this.large) {
      this.large = large; // above a few hundred nodes, edges hide while dragging and zooming
      this.network.setOptions({ interaction: { hideEdgesOnDrag: large, hideEdgesOnZoom: large } });
      this.showArrows();
    }
    if (!this.settled) this.allPlaced = true;
    this.seeds = this.settled || this.stabilizing ? null : seedPositions(nodes, edges, this.positions);
    const nodeDiff = this.diff(nodes, this.shownNodes, now, nodeItem,
      () => undefined, (item, id, node) => Object.assign(item, this.startPosition(id, node, edges)));
    const curves = curvesOf(edges);
    const edgeDiff = this.diff(edges, this.shownEdges, now, (edge, marked, curve) => edgeItem(edge, curve, marked),
      (id) => curves.get(id), (item) => item);
    if (nodeDiff.remove.length) this.keepPositions(nodeDiff.remove);
    // one call per DataSet: update adds what is missing, and what goes fades out first
    const nodeChanges = nodeDiff.add.concat(nodeDiff.update, this.fadeOut(nodeDiff.remove, this.shownNodes,
      this.nodes, (id) => ({ id, opacity: 0.2 })));
    // the whole colour: vis-network takes an edge's colour without its own as one to inherit
    const edgeChanges = edgeDiff.add.concat(edgeDiff.update, this.fadeOut(edgeDiff.remove, this.shownEdges, this.edges,
      (id) => ({ id, color: { ...this.edges.get(id).color, opacity: 0.15 } })));
    if (nodeChanges.length || edgeChanges.length) {
      this.drawOnce(() => {
        if (nodeChanges.length) this.nodes.update(nodeChanges);
        if (edgeChanges.length) this.edges.update(edgeChanges);
      });
    }
    if (!this.settled && !this.stabilizing && this.nodes.length) {
      if (this.allPlaced) {
        this.settle();
        this.fit(); // no layout ran to fit the map
      } else {
        // vis-network lays out what it has at its start; nodes added later would only be simulated, frame by
        // frame, for as long as they move: lay out the first picture in one go, then stop. Nodes where the
        // user left them stay there, and the new ones find room around them.
        this.stabilizing = true;
        this.pinned = this.nodes.getIds().filter((id) => this.positions[id]);
        if (this.pinned.length) this.nodes.update(this.pinned.map((id) => ({ id, fixed: true })));
        const { iterations, theta } = layoutEffort(this.nodes.length);
        this.network.setOptions({ physics: { forceAtlas2Based: { theta } } });
        this.network.stabilize(iterations);
      }
    }
    const changed = [nodeDiff, edgeDiff].reduce((sum, { add, update, remove }) => sum + add.length + update.length
      + remove.length, 0);
    for (const listener of this.listeners.render) {
      listener({ nodes, edges, changed, millis: performance.now() - started });
    }
  }

  /**
   * What a DataSet needs to show the projection's `wanted` items (id -> node or edge), against `shown`, what it
   * shows (id -> [the projection's object, its item's JSON, its mark, extra], kept up to date here): the items to
   * add and to update, and the ids to remove. extraOf(id) is what else an item is made from (an edge's curve);
   * place(item, id, object) gives a new item where it starts.
   */
  diff(wanted, shown, now, itemOf, extraOf, place) {
    const add = [];
    const update = [];
    for (const [id, object] of wanted) {
      if (!this.firstSeen.has(id)) this.firstSeen.set(id, this.settled ? now : 0);
      const marked = this.isNew(id, now);
      const extra = extraOf(id);
      const before = shown.get(id);
      // the same object of the graph state with the same mark makes the same item: most of a delta's renders
      if (before && before[0] === object && before[2] === marked && before[3] === extra) continue;
      const item = itemOf(object, marked, extra);
      const signature = JSON.stringify(item);
      if (this.cancelFade(id)) update.push(item); // back before it was gone
      else if (!before) add.push(place(item, id, object));
      else if (before[1] !== signature) update.push(item);
      shown.set(id, [object, signature, marked, extra]);
    }
    const remove = [...shown.keys()].filter((id) => !wanted.has(id));
    return { add, update, remove };
  }

  /** Physics has laid the map out: it stops, so nothing moves again unless dragged. */
  settle() {
    this.settled = true;
    this.stabilizing = false;
    const pinned = this.pinned || [];
    this.pinned = null;
    this.drawOnce(() => {
      this.network.setOptions({ physics: { enabled: false } });
      if (pinned.length) this.nodes.update(pinned.map((id) => ({ id, fixed: false })));
    });
    this.showArrows(); // the map has been fitted
    this.keepPositions(this.nodes.getIds());
    window.procnetSettledAt = performance.now();
  }

  /**
   * Makes the changes of change() to the DataSets and options drawn once, at the next frame. Once physics is
   * off, vis-network draws the whole map at once on every DataSet call and every setOptions, and again at the
   * next frame: at a thousand nodes each drawing takes tens of milliseconds. Until the map has settled,
   * drawing is physics' business (and blocked while it stabilises), so change() runs as it is.
   */
  drawOnce(change) {
    const emitter = this.network.body && this.network.body.emitter;
    if (!this.settled || !emitter) {
      change();
      return;
    }
    emitter.emit('_blockRedraw');
    try {
      change();
    } finally {
      emitter.emit('_allowRedraw');
      emitter.emit('_requestRedraw');
    }
  }

  /** The arrowheads of a large map only where they can be seen; one setOptions when that changes. */
  showArrows() {
    const arrows = !this.large || this.network.getScale() >= ARROWS_FROM_SCALE;
    if (arrows === this.arrows) return;
    this.arrows = arrows;
    this.drawOnce(() => this.network.setOptions({ edges: { arrows: { to: { enabled: arrows } } } }));
  }

  fit() {
    this.network.fit({ animation: false });
    this.showArrows();
  }

  /** Selects and shows these nodes, the first in the middle. */
  focus(ids) {
    const shown = ids.filter((id) => this.shownNodes.has(id));
    this.network.selectNodes(shown);
    if (shown.length) {
      this.network.focus(shown[0], { scale: Math.max(this.network.getScale(), 0.8), animation: false });
      this.showArrows();
    }
  }

  /** The id a node of the graph is drawn as (its own, a folded group's, gathered remotes'), or undefined. */
  shownIdOf(nodeId) {
    const id = this.shownAs && this.shownAs.get(nodeId);
    return this.shownNodes.has(id) ? id : undefined;
  }

  clicked(event) {
    const nodeId = event.nodes[0];
    const edgeId = nodeId === undefined ? event.edges[0] : undefined;
    const node = nodeId !== undefined && this.shownNodes.get(nodeId);
    const edge = edgeId !== undefined && this.shownEdges.get(edgeId);
    for (const listener of this.listeners.select) {
      listener(node ? { node: node[0] } : edge ? { edge: edge[0] } : {});
    }
  }

  /** Whether an item appeared in the last 10 s; those of the first picture are not new. */
  isNew(id, now) {
    const until = this.firstSeen.get(id) + NEW_FOR_MS;
    if (until <= now) return false;
    this.nextUnmark = Math.min(this.nextUnmark, until);
    return true;
  }

  /** Where a new node starts: where it was last, else beside a node it connects to. */
  startPosition(id, node, edges) {
    const saved = this.positions[id];
    if (saved) return { x: saved[0], y: saved[1] };
    if (!this.settled) {
      this.allPlaced = false;
      return (this.seeds && this.seeds.get(id)) || {};
    }
    for (const edge of edges.values()) {
      const other = edge.from === id ? edge.to : edge.to === id ? edge.from : null;
      if (other !== null && this.shownNodes.has(other) && this.nodes.get(other)) {
        const at = this.network.getPosition(other);
        const angle = Math.random() * 2 * Math.PI;
        return { x: at.x + 90 * Math.cos(angle), y: at.y + 90 * Math.sin(angle) };
      }
    }
    const view = this.network.getViewPosition();
    return { x: view.x + (Math.random() - 0.5) * 200, y: view.y + (Math.random() - 0.5) * 200 };
  }

  /** Keeps where these nodes are, in local storage soon, or at once when the page goes away. */
  keepPositions(ids, now = false) {
    const present = ids.filter((id) => this.nodes.get(id));
    if (!present.length) return;
    const at = this.network.getPositions(present);
    for (const id of present) {
      if (!at[id]) continue;
      delete this.positions[id]; // to the end of the insertion order: the oldest are dropped first
      this.positions[id] = [Math.round(at[id].x), Math.round(at[id].y)];
    }
    savePositions(this.positions, now);
  }

  /** The faded look of items that are gone; they leave their DataSet together, a moment later. */
  fadeOut(ids, shown, dataSet, faded) {
    if (!ids.length) return [];
    const batch = {};
    for (const id of ids) {
      shown.delete(id);
      this.firstSeen.delete(id);
      this.fading.set(id, batch);
    }
    setTimeout(() => {
      const gone = ids.filter((id) => this.fading.get(id) === batch);
      gone.forEach((id) => this.fading.delete(id));
      if (gone.length) this.drawOnce(() => dataSet.remove(gone));
    }, FADE_MS);
    return ids.map(faded);
  }

  /** Stops the fading out of an item that is back; whether it was fading (and so still in its DataSet). */
  cancelFade(id) {
    return this.fading.delete(id);
  }
}

/**
 * How hard the first layout works: 100 steps of vis-network's Barnes-Hut repulsion at theta 0.5 up to
 * LARGE_GRAPH nodes; above, a coarser one (theta 1: a third less time a step) and fewer steps as the map
 * grows (100 at 1,000 nodes, 60 from about 1,700 on). From the seeded disc that is enough: 3,000 nodes
 * settle in a few seconds (at theta 0.5 and 100 steps they took 8-11 s here).
 */
function layoutEffort(nodes) {
  if (nodes <= LARGE_GRAPH) return { iterations: STABILIZATION_STEPS, theta: 0.5 };
  return { iterations: Math.round(Math.min(STABILIZATION_STEPS, Math.max(60, STABILIZATION_STEPS * 1000 / nodes))),
    theta: 1 };
}

/**
 * Where the nodes without a saved position start before the first layout. With none saved: in breadth-first
 * order from the most connected node, along a spiral whose turns are SEED_SPACING apart, so that a node starts
 * near the nodes it connects to and the map starts as a disc. (vis-network would start them on one ring around
 * the origin, as wide as there are nodes, from where physics needs many more steps to untangle them.) With some
 * saved: each new node beside a node it connects to, saved or placed before it; the rest on a spiral beside the
 * saved map.
 */
function seedPositions(nodes, edges, saved) {
  const neighbours = new Map();
  for (const id of nodes.keys()) neighbours.set(id, []);
  for (const edge of edges.values()) {
    const from = neighbours.get(edge.from);
    const to = neighbours.get(edge.to);
    if (from && to && edge.from !== edge.to) {
      from.push(edge.to);
      to.push(edge.from);
    }
  }
  const placed = new Map();
  for (const id of nodes.keys()) if (saved[id]) placed.set(id, { x: saved[id][0], y: saved[id][1] });
  const seeds = new Map();
  const queue = [...placed.keys()];
  for (let at = 0; at < queue.length; at++) {
    const around = placed.get(queue[at]);
    for (const next of neighbours.get(queue[at])) {
      if (placed.has(next)) continue;
      const angle = seeds.size * GOLDEN_ANGLE;
      const seed = { x: Math.round(around.x + SEED_SPACING * Math.cos(angle)),
        y: Math.round(around.y + SEED_SPACING * Math.sin(angle)) };
      placed.set(next, seed);
      seeds.set(next, seed);
      queue.push(next);
    }
  }
  let centre = { x: 0, y: 0 };
  if (queue.length) { // right of the saved map
    const xs = queue.map((id) => placed.get(id).x);
    const ys = queue.map((id) => placed.get(id).y);
    centre = { x: Math.max(...xs) + 4 * SEED_SPACING, y: (Math.min(...ys) + Math.max(...ys)) / 2 };
  }
  const rest = [...neighbours.keys()].filter((id) => !placed.has(id));
  spiralOrder(rest, neighbours, placed).forEach((id, index) => {
    const angle = Math.sqrt(4 * Math.PI * index); // an Archimedean spiral, one node every SEED_SPACING along it
    const radius = SEED_SPACING * angle / (2 * Math.PI);
    seeds.set(id, { x: Math.round(centre.x + radius * Math.cos(angle)),
      y: Math.round(centre.y + radius * Math.sin(angle)) });
  });
  return seeds;
}

/** These nodes in breadth-first order, each search from the most connected one left, through the unplaced. */
function spiralOrder(ids, neighbours, placed) {
  const roots = [...ids].sort((a, b) => neighbours.get(b).length - neighbours.get(a).length);
  const order = [];
  const seen = new Set();
  for (const root of roots) {
    if (seen.has(root)) continue;
    seen.add(root);
    for (let at = order.push(root) - 1; at < order.length; at++) {
      for (const next of neighbours.get(order[at])) {
        if (!seen.has(next) && !placed.has(next)) {
          seen.add(next);
          order.push(next);
        }
      }
    }
  }
  return order;
}

/** For each edge, its place among the edges between the same two nodes: 0 when it is the only one. */
function curvesOf(edges) {
  const byPair = new Map();
  for (const edge of edges.values()) {
    const pair = edge.from < edge.to ? edge.from + '\u0000' + edge.to : edge.to + '\u0000' + edge.from;
    if (!byPair.has(pair)) byPair.set(pair, []);
    byPair.get(pair).push(edge.id);
  }
  const curves = new Map();
  for (const ids of byPair.values()) {
    ids.sort();
    ids.forEach((id, index) => curves.set(id, ids.length === 1 ? 0 : index + 1));
  }
  return curves;
}

/** The options of a small map; render() switches those of a large one. */
function options() {
  return {
    autoResize: true,
    layout: { improvedLayout: false, randomSeed: 7 },
    physics: {
      enabled: true,
      solver: 'forceAtlas2Based',
      forceAtlas2Based: { gravitationalConstant: -70, centralGravity: 0.01, springLength: 100, springConstant: 0.08,
        avoidOverlap: 0.6 },
      stabilization: { enabled: true, iterations: STABILIZATION_STEPS, updateInterval: 50, fit: true },
    },
    interaction: { hover: true, tooltipDelay: 200, hideEdgesOnDrag: false, hideEdgesOnZoom: false, multiselect: true },
    nodes: { shape: 'image', size: 20, brokenImage: FALLBACK_GLYPH,
      font: { size: 16, face: 'system-ui, sans-serif', multi: false, strokeWidth: 4, strokeColor: '#ffffff' } },
    edges: { smooth: false, arrows: { to: { enabled: true, scaleFactor: 0.5 } },
      font: { size: 13, align: 'middle', strokeWidth: 3 }, selectionWidth: 1.5,
      hoverWidth: 0.5 },
  };
}

function loadPositions() {
  try {
    return JSON.parse(localStorage.getItem(POSITIONS_KEY)) || {};
  } catch (e) {
    return {};
  }
}

let saveTimer = null;

function savePositions(positions, now) {
  clearTimeout(saveTimer);
  const save = () => {
    const ids = Object.keys(positions);
    for (const id of ids.slice(0, Math.max(0, ids.length - MAX_SAVED_POSITIONS))) delete positions[id];
    try {
      localStorage.setItem(POSITIONS_KEY, JSON.stringify(positions));
    } catch (e) {
      // storage full or refused: positions live on for this page only
    }
  };
  // a page that goes away runs no timer: the last positions would be lost
  if (now) save();
  else saveTimer = setTimeout(save, 500);
}
