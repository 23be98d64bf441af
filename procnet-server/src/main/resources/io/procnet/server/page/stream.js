// Follows /api/events: the 'graph' event replaces the graph, each 'delta' updates it. EventSource
// reconnects by itself and resumes with Last-Event-ID; a delta that does not follow the graph held
// means something was missed, and a fresh stream brings the whole graph again.

const RETRY_MS = 2000;

export function followEvents(state, onStatus) {
  let source = null;

  function open() {
    source = new EventSource('/api/events');
    source.addEventListener('graph', (event) => {
      state.replace(JSON.parse(event.data));
      onStatus('live');
    });
    source.addEventListener('delta', (event) => {
      if (!state.apply(JSON.parse(event.data))) {
        onStatus('resyncing');
        source.close();
        open();
      }
    });
    source.onopen = () => onStatus('live');
    source.onerror = () => {
      onStatus('reconnecting');
      if (source.readyState === EventSource.CLOSED) {
        setTimeout(open, RETRY_MS); // the server answered with an error: EventSource gives up, so try again
      }
    };
  }

  open();
}
