// What the map shows of the graph: the filters applied, process groups folded into one node each,
// and, when asked, a process's remote endpoints gathered into one. Pure: the graph and the
// settings in, the nodes and edges to draw out.

import { FIRM_REASONS } from './appearance.js';

/**
 * The nodes and edges to draw, by id; edges between folded nodes are summed. shownAs gives the id each visible
 * node of the graph is drawn as: its own, its folded group's, or the gathered remote endpoints'.
 */
export function project(state, settings) {
  const visible = [...state.nodes.values()].filter((node) => isVisible(node, settings));
  const groupSizes = new Map();
  if (settings.foldGroups) {
    for (const node of visible) {
      if (node.kind === 'PROCESS' && node.group) groupSizes.set(node.group, (groupSizes.get(node.group) || 0) + 1);
    }
  }
  const nodes = new Map();
  const shownAs = new Map();
  for (const node of visible) {
    const folded = node.kind === 'PROCESS' && node.group && groupSizes.get(node.group) > 1
      && !settings.unfolded.has(node.group);
    const id = folded ? 'fold:' + node.group : node.id;
    if (folded) {
      if (!nodes.has(id)) nodes.set(id, { kind: 'FOLD', id, group: node.group, label: node.label, type: node.type, members: [] });
      nodes.get(id).members.push(node);
    } else {
      nodes.set(id, node);
    }
    shownAs.set(node.id, id);
  }
  let edges = merge(state.edges.values(), shownAs);
  if (settings.foldRemotes) {
    const gathered = gatherRemotes(nodes, edges, settings.expanded);
    if (gathered.size) {
      const remap = new Map([...nodes.keys()].map((id) => [id, gathered.get(id) || id]));
      for (const [remote, into] of gathered) {
        if (!nodes.has(into)) nodes.set(into, { kind: 'REMOTES', id: into, label: '', type: 'external', members: [] });
        nodes.get(into).members.push(nodes.get(remote));
        nodes.delete(remote);
      }
      edges = merge(edges.values(), remap);
      for (const [id, shown] of shownAs) if (gathered.has(shown)) shownAs.set(id, gathered.get(shown));
    }
  }
  return { nodes, edges, shownAs };
}

/** Whether folding groups or gathering remote endpoints, where they are off, would draw fewer nodes than shown. */
export function canFold(shown, settings) {
  if (!settings.foldGroups) {
    const groups = new Set();
    for (const node of shown.nodes.values()) {
      if (node.kind !== 'PROCESS' || !node.group) continue;
      if (groups.has(node.group)) return true;
      groups.add(node.group);
    }
  }
  return !settings.foldRemotes && gatherRemotes(shown.nodes, shown.edges, settings.expanded).size > 0;
}

function isVisible(node, settings) {
  if (settings.hiddenIds.has(node.id) || settings.hiddenTypes.has(node.type)) return false;
  if (node.kind === 'REMOTE' && !settings.showRemote) return false;
  if (node.kind === 'LISTENER' && !settings.showListeners) return false;
  return true;
}

/** The edges with their ends renamed by shownAs, those with an end not shown left out, and the same ones summed. */
function merge(edges, shownAs) {
  const merged = new Map();
  const sums = new Map(); // the edges this call made, by id: added to in place
  for (const edge of edges) {
    const from = shownAs.get(edge.from);
    const to = shownAs.get(edge.to);
    if (from === undefined || to === undefined) continue;
    if (from === edge.from && to === edge.to && !merged.has(edge.id)) {
      merged.set(edge.id, edge);
      continue;
    }
    const id = edge.protocol.toLowerCase() + ':' + from + '->' + to + ':' + edge.serverPort;
    let sum = sums.get(id);
    if (!sum) {
      const kept = merged.get(id); // an edge kept as it was, under the id of this sum
      sum = kept ? add(emptySum(kept, id, from, to), kept) : emptySum(edge, id, from, to);
      sums.set(id, sum);
      merged.set(id, sum);
    }
    add(sum, edge);
  }
  return merged;
}

/** An edge that sums others, like this one but with nothing in it yet; add() adds to it in place. */
function emptySum(like, id, from, to) {
  return { ...like, id, from, to, count: 0, states: {}, traffic: null, members: [] };
}

function add(sum, edge) {
  for (const [state, count] of Object.entries(edge.states || {})) sum.states[state] = (sum.states[state] || 0) + count;
  if (edge.traffic) {
    sum.traffic = sum.traffic || { bytesPerSecondToServer: 0, bytesPerSecondToClient: 0 };
    sum.traffic.bytesPerSecondToServer += edge.traffic.bytesPerSecondToServer;
    sum.traffic.bytesPerSecondToClient += edge.traffic.bytesPerSecondToClient;
  }
  if (!FIRM_REASONS.has(sum.reason) && FIRM_REASONS.has(edge.reason)) sum.reason = edge.reason;
  sum.count += edge.count;
  sum.members.push(...(edge.members || [edge]));
  return sum;
}

/** Each remote endpoint that only one shown node talks to, by the id of the node that gathers them. */
function gatherRemotes(nodes, edges, expanded) {
  const peers = new Map();
  for (const edge of edges.values()) {
    for (const [end, other] of [[edge.from, edge.to], [edge.to, edge.from]]) {
      const node = nodes.get(end);
      if (node && node.kind === 'REMOTE') {
        if (!peers.has(end)) peers.set(end, new Set());
        peers.get(end).add(other);
      }
    }
  }
  const gathered = new Map();
  for (const [remote, others] of peers) {
    const [only] = others;
    if (others.size === 1 && !expanded.has(only)) gathered.set(remote, 'remotes:' + only);
  }
  const counts = new Map();
  for (const into of gathered.values()) counts.set(into, (counts.get(into) || 0) + 1);
  for (const [remote, into] of [...gathered]) {
    if (counts.get(into) < 2) gathered.delete(remote); // one remote endpoint stays itself
  }
  return gathered;
}
