// The details panel: a process (from /api/processes/{pid}, with its sockets), a folded group, an
// edge. Every text is set with textContent: process names and command lines are hostile.

import { edgeTitle, formatRate, reasonText } from './appearance.js';

function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (className) node.className = className;
  return node;
}

/** Above this many characters (a Java class path, say) a value shows its first lines and a button for the rest. */
const LONG_VALUE = 240;

function facts(rows) {
  const list = element('dl');
  for (const [name, value] of rows) {
    if (value === undefined || value === null || value === '') continue;
    const shown = element('dd', value);
    list.append(element('dt', name), shown);
    if (String(value).length > LONG_VALUE) list.append(clamp(shown, String(value).length));
  }
  return list;
}

/** Shows the first lines of a long value; the button it returns shows all of it, or the first lines again. */
function clamp(value, length) {
  value.classList.add('clamped');
  const toggle = element('button', 'show all ' + length.toLocaleString('en') + ' characters', 'more');
  toggle.type = 'button';
  const collapsedText = toggle.textContent;
  toggle.addEventListener('click', () => {
    const clamped = value.classList.toggle('clamped');
    toggle.textContent = clamped ? collapsedText : 'show less';
  });
  return toggle;
}

function endpoint(end) {
  if (!end) return '*';
  return (end.address.includes(':') ? '[' + end.address + ']' : end.address) + ':' + end.port;
}

export class Panel {
  constructor(actions) {
    this.root = document.getElementById('panel');
    this.body = document.getElementById('panel-body');
    this.actions = actions;
    this.shown = null;
    document.getElementById('panel-close').addEventListener('click', () => this.close());
  }

  close() {
    this.root.hidden = true;
    this.shown = null;
  }

  open(children) {
    this.body.replaceChildren(...children);
    this.root.hidden = false;
  }

  button(text, action) {
    const button = element('button', text);
    button.type = 'button';
    button.addEventListener('click', action);
    return button;
  }

  async showProcess(node) {
    const pid = node.process.pid;
    this.shown = node.id;
    const header = [element('h2', node.label), element('p', node.type + ' · pid ' + pid, 'muted')];
    const buttons = element('p', null, 'actions');
    buttons.append(this.button('Hide this process', () => this.actions.hide('id', node.id)),
      this.button('Hide type ' + node.type, () => this.actions.hide('type', node.type)));
    this.open([...header, this.processFacts(node.process, node), buttons, element('p', 'loading sockets…', 'muted')]);
    let details;
    try {
      const response = await fetch('/api/processes/' + encodeURIComponent(pid));
      if (!response.ok) throw new Error('HTTP ' + response.status);
      details = await response.json();
    } catch (e) {
      if (this.shown === node.id) this.body.lastChild.textContent = 'sockets unavailable: ' + e.message;
      return;
    }
    if (this.shown !== node.id) return;
    this.open([...header, this.processFacts(details.process, node), buttons, this.socketTable(details.sockets)]);
  }

  processFacts(process, node) {
    return facts([
      ['name', process.name],
      ['pid', process.pid],
      ['parent pid', process.parentPid],
      ['user', process.user],
      ['executable', process.executable],
      ['command line', process.commandLine],
      ['started', process.startTime],
      ['services', (process.services || []).join(', ')],
      ['listening', (node.listeningPorts || []).join(', ')],
    ]);
  }

  socketTable(sockets) {
    const table = element('table', null, 'sockets');
    const head = element('tr');
    for (const title of ['proto', 'local', 'remote', 'state', 'sent', 'received']) head.append(element('th', title));
    table.append(head);
    for (const socket of sockets) {
      const row = element('tr');
      row.append(element('td', socket.protocol.toLowerCase()), element('td', endpoint(socket.local)),
        element('td', endpoint(socket.remote)), element('td', socket.state),
        element('td', socket.traffic ? socket.traffic.bytesSent : ''),
        element('td', socket.traffic ? socket.traffic.bytesReceived : ''));
      table.append(row);
    }
    const wrap = element('div');
    wrap.append(element('h3', sockets.length + (sockets.length === 1 ? ' socket' : ' sockets')), table);
    return wrap;
  }

  showMembers(node, title, unfoldText, unfold) {
    this.shown = node.id;
    const list = element('ul', null, 'members');
    for (const member of node.members) {
      list.append(element('li', member.kind === 'PROCESS' ? member.label + ' (pid ' + member.process.pid + ')'
        : member.label));
    }
    this.open([element('h2', title), this.button(unfoldText, unfold), list]);
  }

  showEdge(edge) {
    this.shown = edge.id;
    const rows = [
      ['protocol', edge.protocol],
      ['server port', edge.serverPort],
      ['connections', edge.count],
      ['states', Object.entries(edge.states || {}).map(([state, count]) => state + ' ' + count).join(', ')],
      ['to the server', edge.traffic ? formatRate(edge.traffic.bytesPerSecondToServer) : 'no counters'],
      ['back', edge.traffic ? formatRate(edge.traffic.bytesPerSecondToClient) : ''],
      ['direction', reasonText(edge)],
    ];
    this.open([element('h2', edge.protocol + ' to port ' + edge.serverPort), element('p', edgeTitle(edge).split('\n')[0],
      'muted'), facts(rows)]);
  }

  showNode(node) {
    this.shown = node.id;
    this.open([element('h2', node.label), element('p', node.kind.toLowerCase() + ' · ' + node.type, 'muted'),
      facts([['address', node.address], ['port', node.port], ['namespace', node.namespace]])]);
  }
}
