// The one object that holds the current graph, as the server sends it. The stream writes it; the
// view, the controls, the panel and the status bar read it and hear of each change.

export class GraphState {
  constructor() {
    this.nodes = new Map();
    this.edges = new Map();
    this.version = null;
    this.meta = { collector: '', takenAt: null, stale: false, issues: [], host: null };
    this.listeners = [];
  }

  /** Calls listener(change) after each change; change names what was added, updated and removed. */
  onChange(listener) {
    this.listeners.push(listener);
  }

  /** The whole graph of a 'graph' event. */
  replace(graph) {
    const change = emptyChange();
    const nodeIds = new Set(graph.nodes.map((node) => node.id));
    const edgeIds = new Set(graph.edges.map((edge) => edge.id));
    change.removedNodes = [...this.nodes.keys()].filter((id) => !nodeIds.has(id));
    change.removedEdges = [...this.edges.keys()].filter((id) => !edgeIds.has(id));
    for (const node of graph.nodes) (this.nodes.has(node.id) ? change.updatedNodes : change.addedNodes).push(node);
    for (const edge of graph.edges) (this.edges.has(edge.id) ? change.updatedEdges : change.addedEdges).push(edge);
    this.nodes = new Map(graph.nodes.map((node) => [node.id, node]));
    this.edges = new Map(graph.edges.map((edge) => [edge.id, edge]));
    this.version = graph.version;
    this.meta = { collector: graph.collector, takenAt: graph.takenAt, stale: graph.stale, issues: graph.issues,
      host: graph.host };
    change.whole = true;
    this.emit(change);
  }

  /** A 'delta' event; false when it does not follow the version held (something was missed). */
  apply(delta) {
    if (delta.from !== this.version) return false;
    const change = emptyChange();
    for (const id of delta.removedNodes) if (this.nodes.delete(id)) change.removedNodes.push(id);
    for (const id of delta.removedEdges) if (this.edges.delete(id)) change.removedEdges.push(id);
    for (const node of delta.addedNodes.concat(delta.updatedNodes)) {
      (this.nodes.has(node.id) ? change.updatedNodes : change.addedNodes).push(node);
      this.nodes.set(node.id, node);
    }
    for (const edge of delta.addedEdges.concat(delta.updatedEdges)) {
      (this.edges.has(edge.id) ? change.updatedEdges : change.addedEdges).push(edge);
      this.edges.set(edge.id, edge);
    }
    this.version = delta.version;
    this.meta = { ...this.meta, collector: delta.collector, takenAt: delta.takenAt, stale: delta.stale,
      issues: delta.issues };
    this.emit(change);
    return true;
  }

  emit(change) {
    for (const listener of this.listeners) listener(change, this);
  }
}

function emptyChange() {
  return { whole: false, addedNodes: [], updatedNodes: [], removedNodes: [], addedEdges: [], updatedEdges: [],
    removedEdges: [] };
}
