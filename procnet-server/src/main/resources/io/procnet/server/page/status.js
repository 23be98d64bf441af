// The status bar (the stream, collector, counts, last update, stale, what could not be seen) and
// the legend (the types on the map, the edge styles).

import { iconUrl } from './appearance.js';

/** The issues that say something is broken, not only unseen (those are coverage: unowned, partial, denied). */
const ERRORS = new Set(['rule-file', 'collection-failed', 'problems-failed']);

function set(id, text) {
  document.getElementById(id).textContent = text;
}

export class StatusBar {
  constructor() {
    this.issues = document.getElementById('status-issues');
    this.legend = document.getElementById('legend');
    this.legendTypes = '';
    this.issuesKey = '';
  }

  stream(state) {
    const words = { live: 'live', reconnecting: 'connection lost, reconnecting…', resyncing: 'resynchronising…' };
    set('status-stream', words[state] || state);
    document.getElementById('status-stream').className = state === 'live' ? 'ok' : 'warn';
  }

  graph(state, shown, paused) {
    set('status-collector', state.meta.collector);
    set('status-counts', state.nodes.size + ' nodes, ' + state.edges.size + ' edges'
      + (shown ? ' (' + shown.nodes.size + ' and ' + shown.edges.size + ' shown)' : '') + (paused ? ' · paused' : ''));
    set('status-time', state.meta.takenAt ? 'updated ' + new Date(state.meta.takenAt).toLocaleTimeString() : '');
    document.getElementById('status-stale').hidden = !state.meta.stale;
    this.showIssues(state.meta.issues || []);
    this.showLegend(state);
  }

  /** The issues, rebuilt only when they change: a render comes with every delta and most bring the same ones. */
  showIssues(issues) {
    const key = JSON.stringify(issues);
    if (key === this.issuesKey) return;
    this.issuesKey = key;
    this.issues.replaceChildren();
    for (const issue of issues) {
      const item = document.createElement('span');
      item.className = ERRORS.has(issue.code) ? 'issue error' : 'issue';
      item.textContent = issue.code === 'unowned-sockets' ? 'coverage: ' + issue.message : issue.message;
      item.title = issue.code;
      this.issues.append(item);
    }
  }

  /** Above a few hundred nodes, offers the folding that makes a large map readable. */
  offerGrouping(show) {
    document.getElementById('status-hint').hidden = !show;
  }

  showLegend(state) {
    const types = [...new Set([...state.nodes.values()].map((node) => node.type))].sort();
    if (types.join() === this.legendTypes) return;
    this.legendTypes = types.join();
    const children = [];
    const heading = document.createElement('h3');
    heading.textContent = 'Legend';
    children.push(heading);
    for (const type of types) {
      const row = document.createElement('div');
      const icon = document.createElement('img');
      icon.src = iconUrl(type);
      icon.alt = '';
      row.append(icon, document.createTextNode(type));
      children.push(row);
    }
    for (const [className, text] of [['firm', 'direction is a fact'], ['unsure', 'direction is a guess'],
      ['udp', 'UDP'], ['new', 'new in the last 10 s']]) {
      const row = document.createElement('div');
      const line = document.createElement('span');
      line.className = 'line ' + className;
      row.append(line, document.createTextNode(text));
      children.push(row);
    }
    this.legend.replaceChildren(...children);
  }
}
