// How the graph's nodes and edges look: pure functions from the server's JSON to vis-network items.
// Every text comes from the server and is hostile: vis-network draws labels on a canvas and shows a
// string title as text, never as HTML.

export const FIRM_REASONS = new Set(['LISTENER', 'HANDSHAKE', 'NOT_LISTENING', 'LOCAL_PEER']);
const UDP_COLOR = '#cc79a7';
const TCP_COLOR = '#5a6b7b';
const UNSURE_COLOR = '#a9b3bd';
const NEW_COLOR = '#e69f00';
const ICON_OF_TYPE = { message_broker: 'mq', load_balancer: 'lb' };

/** Well-known ports and what serves them, to say why SERVICE_PORT decided. */
const KNOWN_PORTS = {
  21: 'FTP', 22: 'SSH', 25: 'SMTP', 53: 'DNS', 80: 'HTTP', 110: 'POP3', 123: 'NTP', 143: 'IMAP', 389: 'LDAP',
  443: 'HTTPS', 445: 'SMB', 465: 'SMTPS', 587: 'SMTP submission', 636: 'LDAPS', 993: 'IMAPS', 995: 'POP3S',
  1433: 'SQL Server database', 1521: 'Oracle database', 2181: 'ZooKeeper', 2379: 'etcd', 3306: 'MySQL database',
  3389: 'RDP', 4222: 'NATS message broker', 5432: 'PostgreSQL database', 5353: 'mDNS',
  5672: 'AMQP message broker', 6379: 'Redis cache', 8080: 'HTTP', 8443: 'HTTPS', 9042: 'Cassandra database',
  9092: 'Kafka message broker', 9200: 'Elasticsearch', 11211: 'memcached cache', 27017: 'MongoDB database',
};

export function iconUrl(type) {
  return '/icons/' + encodeURIComponent(ICON_OF_TYPE[type] || type || 'service') + '.png';
}

/** Why the direction of an edge is what it is, in words. */
export function reasonText(edge) {
  const port = edge.serverPort;
  switch (edge.reason) {
    case 'LISTENER': return 'port ' + port + ' is a listening socket of the server: a fact';
    case 'HANDSHAKE': return 'the connection was opening: the end that sent SYN is the client (a fact)';
    case 'NOT_LISTENING': return "the client's port has no listening socket: a fact";
    case 'LOCAL_PEER': return 'both ends are on this host; the end more connections share is the server';
    case 'SERVICE_PORT': {
      const known = KNOWN_PORTS[port];
      return 'a guess from the port: port ' + port + ' is a known ' + (known ? known + ' ' : 'service ') + 'port';
    }
    case 'EPHEMERAL': return "a guess from the port: the other end's port is in the ephemeral range, so it is the client";
    case 'GUESS': return 'a guess: the lower port, ' + port + ', is taken as the server';
    default: return String(edge.reason);
  }
}

export function isFirm(edge) {
  return FIRM_REASONS.has(edge.reason);
}

/** A few widths for the traffic, so a rate that wobbles does not redraw the edge. */
export function widthOf(edge) {
  const rate = edge.traffic ? edge.traffic.bytesPerSecondToServer + edge.traffic.bytesPerSecondToClient : 0;
  if (rate <= 0) return 1;
  if (rate < 10_000) return 1.5;
  if (rate < 1_000_000) return 3;
  if (rate < 100_000_000) return 5;
  return 8;
}

export function formatRate(bytesPerSecond) {
  const units = ['B/s', 'KB/s', 'MB/s', 'GB/s'];
  let value = bytesPerSecond;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return (unit === 0 ? String(value) : value.toFixed(value < 10 ? 1 : 0)) + ' ' + units[unit];
}

function statesText(states) {
  return Object.entries(states || {}).map(([state, count]) => state + ' ' + count).join(', ');
}

/** The text of a node's label: the name, and the pid or the member count. */
export function nodeLabel(node) {
  if (node.kind === 'PROCESS') return node.label + '\npid ' + node.process.pid;
  if (node.kind === 'FOLD') return node.label + ' ×' + node.members.length;
  if (node.kind === 'REMOTES') return node.members.length + ' remote endpoints';
  return node.label;
}

export function nodeTitle(node) {
  if (node.kind === 'PROCESS') {
    const process = node.process;
    const lines = [node.label + ' (pid ' + process.pid + ', ' + node.type + ')'];
    if (process.user) lines.push('user: ' + process.user);
    if (process.executable) lines.push('executable: ' + process.executable);
    if (process.commandLine) lines.push('command: ' + process.commandLine);
    if (process.services && process.services.length) lines.push('services: ' + process.services.join(', '));
    if (node.listeningPorts.length) lines.push('listening: ' + node.listeningPorts.join(', '));
    return lines.join('\n');
  }
  if (node.kind === 'FOLD') return node.label + ': ' + node.members.length + ' processes of one group (click to unfold)';
  if (node.kind === 'REMOTES') return node.members.length + ' remote endpoints (click to expand)';
  if (node.kind === 'LISTENER') return 'listening on ' + node.protocol.toLowerCase() + '/' + node.port + ', not reached';
  return node.label + (node.namespace ? ' in ' + node.namespace : '');
}

export function nodeItem(node, isNew) {
  const item = {
    id: node.id,
    label: nodeLabel(node),
    title: nodeTitle(node),
    shape: 'image',
    image: iconUrl(node.type),
    size: node.kind === 'PROCESS' || node.kind === 'FOLD' ? 20 : 14,
    opacity: 1,
    font: { color: isNew ? '#b35900' : '#1d2733' },
  };
  if (node.kind === 'FOLD' || node.kind === 'REMOTES') item.size = 24;
  return item;
}

export function edgeTitle(edge) {
  const lines = [edge.protocol + ' ' + (edge.kind === 'LISTENER' ? 'listening on ' : 'to port ') + edge.serverPort
    + ', ' + edge.count + (edge.count === 1 ? ' connection' : ' connections')];
  if (edge.states && Object.keys(edge.states).length) lines.push('states: ' + statesText(edge.states));
  if (edge.traffic) {
    lines.push('traffic: ' + formatRate(edge.traffic.bytesPerSecondToServer) + ' to the server, '
      + formatRate(edge.traffic.bytesPerSecondToClient) + ' back');
  }
  lines.push('direction: ' + reasonText(edge));
  return lines.join('\n');
}

/** An edge; curve is its place among the edges between the same two nodes (0 for the only one). */
export function edgeItem(edge, curve, isNew) {
  const firm = isFirm(edge);
  const udp = edge.protocol === 'UDP';
  const base = udp ? UDP_COLOR : firm ? TCP_COLOR : UNSURE_COLOR;
  return {
    id: edge.id,
    from: edge.from,
    to: edge.to,
    title: edgeTitle(edge),
    label: edge.count > 1 ? '×' + edge.count : undefined,
    width: widthOf(edge),
    dashes: udp ? [8, 4] : firm ? false : [2, 5],
    color: { color: isNew ? NEW_COLOR : base, highlight: '#0072b2', hover: '#0072b2', opacity: firm || udp ? 1 : 0.8 },
    // an edge's arrowhead is the map's (see view.js), which it leaves out when zoomed far out
    arrows: edge.kind === 'LISTENER' ? { to: { enabled: false } } : undefined,
    // vis-network bends an edge to its left or right as it points: an edge from the greater id turns the other
    // way, so the odd curves lie on one side of the pair and the even ones on the other
    smooth: curve === 0 ? false : { enabled: true, type: (curve % 2 === 1) === (edge.from < edge.to) ? 'curvedCW'
      : 'curvedCCW', roundness: 0.15 * Math.ceil(curve / 2) },
  };
}
