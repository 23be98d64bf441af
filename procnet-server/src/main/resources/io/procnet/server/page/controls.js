// The toolbar: search, type filters, hiding, folding, pause and fit, with keys (/ search, f fit,
// space pause). The view's settings live in the URL's fragment, so a link opens the same view.

import { iconUrl } from './appearance.js';

const LIST = (text) => new Set(text ? text.split(',').filter(Boolean) : []);

/** The settings a URL fragment holds, with the defaults for what it does not. */
export function readSettings(fragment) {
  const params = new URLSearchParams(fragment.replace(/^#/, ''));
  return {
    query: params.get('q') || '',
    showRemote: params.get('remote') !== '0',
    showListeners: params.get('listeners') !== '0',
    foldGroups: params.get('fold') !== '0',
    unfolded: LIST(params.get('unfolded')),
    foldRemotes: params.get('remotes') === '1',
    expanded: LIST(params.get('expanded')),
    hiddenIds: LIST(params.get('hide')),
    hiddenTypes: LIST(params.get('hideTypes')),
    paused: params.get('paused') === '1',
  };
}

/** The URL fragment of these settings, leaving out what is at its default. */
export function writeSettings(settings) {
  const params = new URLSearchParams();
  if (settings.query) params.set('q', settings.query);
  if (!settings.showRemote) params.set('remote', '0');
  if (!settings.showListeners) params.set('listeners', '0');
  if (!settings.foldGroups) params.set('fold', '0');
  if (settings.unfolded.size) params.set('unfolded', [...settings.unfolded].join(','));
  if (settings.foldRemotes) params.set('remotes', '1');
  if (settings.expanded.size) params.set('expanded', [...settings.expanded].join(','));
  if (settings.hiddenIds.size) params.set('hide', [...settings.hiddenIds].join(','));
  if (settings.hiddenTypes.size) params.set('hideTypes', [...settings.hiddenTypes].join(','));
  if (settings.paused) params.set('paused', '1');
  const text = params.toString();
  return text ? '#' + text : '';
}

/**
 * The nodes of the graph a search finds: by name or label, pid or address (a part of it), or a number that is a
 * pid, a port it listens on, or the server port of one of its edges.
 */
export function search(state, query) {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const number = /^\d+$/.test(q);
  const onPort = new Set();
  if (number) {
    for (const edge of state.edges.values()) {
      if (String(edge.serverPort) === q) onPort.add(edge.from).add(edge.to);
    }
  }
  return [...state.nodes.values()].filter((node) => {
    if (onPort.has(node.id)) return true;
    const texts = searchTexts(node);
    return number ? texts.some((text) => text === q) : texts.some((text) => text && text.toLowerCase().includes(q));
  });
}

function searchTexts(node) {
  const texts = [node.label, node.id];
  if (node.kind === 'PROCESS') {
    texts.push(node.process.name, String(node.process.pid), node.process.commandLine || '');
    node.listeningPorts.forEach((port) => texts.push(String(port)));
  }
  if (node.kind === 'REMOTE') texts.push(node.address);
  if (node.kind === 'LISTENER') texts.push(String(node.port));
  return texts;
}

export class Controls {
  constructor(state, view, settings, onChange) {
    this.state = state;
    this.view = view;
    this.settings = settings;
    this.onChange = onChange;
    this.search = document.getElementById('search');
    this.result = document.getElementById('search-result');
    this.typeBox = document.getElementById('type-filters');
    this.hiddenBox = document.getElementById('hidden-list');
    this.pause = document.getElementById('pause');
    this.knownTypes = new Set();
    this.bind();
    this.show();
  }

  bind() {
    const checkbox = (id, key) => {
      const box = document.getElementById(id);
      box.checked = this.settings[key];
      box.addEventListener('change', () => {
        this.settings[key] = box.checked;
        this.changed();
      });
    };
    checkbox('show-remote', 'showRemote');
    checkbox('show-listeners', 'showListeners');
    checkbox('fold-groups', 'foldGroups');
    checkbox('fold-remotes', 'foldRemotes');
    this.search.value = this.settings.query;
    this.search.addEventListener('input', () => {
      this.settings.query = this.search.value;
      this.focused = null; // what the user types is shown, whatever was shown before
      this.runSearch();
      this.saveUrl();
    });
    this.pause.addEventListener('click', () => this.togglePause());
    document.getElementById('fit').addEventListener('click', () => this.view.fit());
    document.addEventListener('keydown', (event) => {
      const target = event.target;
      if (target instanceof HTMLInputElement && target.type !== 'checkbox') { // typing: the keys are text
        if (event.key === 'Escape') target.blur();
        return;
      }
      if (event.ctrlKey || event.metaKey || event.altKey) return; // the browser's own, such as Ctrl+F
      if (event.key === '/') {
        event.preventDefault();
        this.search.focus();
      } else if (event.key === 'f') {
        this.view.fit();
      } else if (event.key === ' ' && !(target instanceof HTMLInputElement || target instanceof HTMLButtonElement)) {
        // on a checkbox or a button, space keeps its own meaning
        event.preventDefault();
        this.togglePause();
      }
    });
  }

  togglePause() {
    this.settings.paused = !this.settings.paused;
    this.view.setPaused(this.settings.paused);
    this.changed(); // which draws what came while paused
  }

  /** Folds every group and gathers remote endpoints, as the offer of a large map does. */
  foldAll() {
    this.settings.foldGroups = true;
    this.settings.foldRemotes = true;
    document.getElementById('fold-groups').checked = true;
    document.getElementById('fold-remotes').checked = true;
    this.changed();
  }

  /** Hides one process (or other node) by id, or every node of a type. */
  hide(kind, value) {
    (kind === 'type' ? this.settings.hiddenTypes : this.settings.hiddenIds).add(value);
    this.changed();
  }

  changed() {
    this.onChange();
    if (this.settings.query) this.runSearch(); // what a match is shown as changes with the view
    this.show();
    this.saveUrl();
  }

  saveUrl() {
    history.replaceState(null, '', location.pathname + location.search + writeSettings(this.settings));
  }

  /** After each change of the graph: new types get a filter, and the search follows. */
  graphChanged() {
    let added = false;
    for (const node of this.state.nodes.values()) {
      if (!this.knownTypes.has(node.type)) {
        this.knownTypes.add(node.type);
        added = true;
      }
    }
    if (added) this.showTypes();
    if (this.settings.hiddenIds.size) this.showHidden(); // a chip made before the graph came reads an id
    if (this.settings.query) this.runSearch();
  }

  runSearch() {
    const query = this.settings.query;
    if (!query.trim()) {
      this.result.textContent = '';
      this.focus([]);
      return;
    }
    const found = search(this.state, query);
    const shownAs = found.map((node) => this.view.shownIdOf(node.id));
    const shown = [...new Set(shownAs.filter((id) => id !== undefined))]; // a folded group is one node for many
    this.result.textContent = found.length === 0 ? 'no match'
      : found.length + (found.length === 1 ? ' match' : ' matches') + (shownAs.includes(undefined) ? ' (some hidden)' : '');
    this.focus(shown);
  }

  /** Selects and shows the matches when they are others than last time: a delta does not pull the view back. */
  focus(ids) {
    const key = ids.join('\n');
    if (key === this.focused) return;
    this.focused = key;
    this.view.focus(ids);
  }

  show() {
    this.pause.textContent = this.settings.paused ? 'Resume' : 'Pause';
    this.pause.classList.toggle('active', this.settings.paused);
    this.showTypes();
    this.showHidden();
  }

  showTypes() {
    this.typeBox.replaceChildren();
    for (const type of [...this.knownTypes].sort()) {
      const label = document.createElement('label');
      label.className = 'type';
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.checked = !this.settings.hiddenTypes.has(type);
      box.dataset.type = type;
      box.addEventListener('change', () => this.setType(type, box.checked));
      const icon = document.createElement('img');
      icon.src = iconUrl(type);
      icon.alt = '';
      label.append(box, icon, document.createTextNode(type));
      this.typeBox.append(label);
    }
  }

  /** A type's filter: what is hidden is named, so a type that appears later is shown. */
  setType(type, shown) {
    if (shown) this.settings.hiddenTypes.delete(type);
    else this.settings.hiddenTypes.add(type);
    this.changed();
  }

  showHidden() {
    const chips = [];
    for (const id of this.settings.hiddenIds) {
      const node = this.state.nodes.get(id);
      chips.push([node ? node.label : id, () => this.settings.hiddenIds.delete(id)]);
    }
    for (const type of this.settings.hiddenTypes) chips.push(['type ' + type, () => this.settings.hiddenTypes.delete(type)]);
    const texts = chips.map(([text]) => text).join('\n');
    if (texts === this.hiddenTexts) return; // the same chips: the ones shown stay, so a click on one is not lost
    this.hiddenTexts = texts;
    this.hiddenBox.replaceChildren(...chips.map(([text, undo]) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'chip';
      button.title = 'show again';
      button.textContent = 'hidden: ' + text + ' ×';
      button.addEventListener('click', () => {
        undo();
        this.changed();
      });
      return button;
    }));
  }
}
