// The text view of the live graph, until the map lands: the stream keeps one graph up to date,
// and the lists are redrawn from it. Every text from the server goes in with textContent.

const graph = { version: 0, nodes: new Map(), edges: new Map(), issues: [], stale: false, collector: '' };

function applyGraph(whole) {
  graph.nodes = new Map(whole.nodes.map((node) => [node.id, node]));
  graph.edges = new Map(whole.edges.map((edge) => [edge.id, edge]));
  Object.assign(graph, { version: whole.version, issues: whole.issues, stale: whole.stale, collector: whole.collector });
}

function applyDelta(delta) {
  for (const id of delta.removedNodes) graph.nodes.delete(id);
  for (const id of delta.removedEdges) graph.edges.delete(id);
  for (const node of [...delta.addedNodes, ...delta.updatedNodes]) graph.nodes.set(node.id, node);
  for (const edge of [...delta.addedEdges, ...delta.updatedEdges]) graph.edges.set(edge.id, edge);
  Object.assign(graph, { version: delta.version, issues: delta.issues, stale: delta.stale, collector: delta.collector });
}

function describeNode(node) {
  if (node.kind === 'PROCESS') return `${node.label}  pid ${node.process.pid}  ${node.type}`;
  return `${node.label}  ${node.type}`;
}

function describeEdge(edge) {
  const from = graph.nodes.get(edge.from)?.label ?? edge.from;
  const to = graph.nodes.get(edge.to)?.label ?? edge.to;
  const rate = edge.traffic ? `  ${edge.traffic.bytesPerSecondToServer}/${edge.traffic.bytesPerSecondToClient} B/s` : '';
  return `${from} → ${to}  ${edge.protocol}/${edge.serverPort}  ×${edge.count}  ${edge.reason}${rate}`;
}

function fill(listId, texts) {
  const list = document.getElementById(listId);
  list.replaceChildren(...texts.map((text) => {
    const item = document.createElement('li');
    item.textContent = text;
    item.title = text;
    return item;
  }));
}

function render() {
  const nodes = [...graph.nodes.values()].sort((a, b) => a.label.localeCompare(b.label));
  fill('nodes', nodes.map(describeNode));
  fill('edges', [...graph.edges.values()].map(describeEdge).sort());
  fill('issues', graph.issues.map((issue) => `${issue.code}: ${issue.message}`));
  document.getElementById('node-count').textContent = `(${graph.nodes.size})`;
  document.getElementById('edge-count').textContent = `(${graph.edges.size})`;
  const status = document.getElementById('status');
  status.textContent = `${graph.collector} · version ${graph.version}${graph.stale ? ' · stale' : ''}`;
  status.classList.toggle('stale', graph.stale);
}

const events = new EventSource('/api/events');
events.addEventListener('graph', (event) => { applyGraph(JSON.parse(event.data)); render(); });
events.addEventListener('delta', (event) => {
  const delta = JSON.parse(event.data);
  if (delta.from !== graph.version) { events.close(); location.reload(); return; }
  applyDelta(delta);
  render();
});
events.addEventListener('error', () => { document.getElementById('status').textContent = 'reconnecting…'; });
