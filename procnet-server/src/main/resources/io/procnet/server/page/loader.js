// Loads vis-network as the original did: the manifest names the version and the local file; the
// local file first, the CDN of the same version only when that fails; then window.startApp().

const CDN = 'https://unpkg.com';
const DEFAULTS = { vis_network_version: '9.1.2', js_file: 'vis-network-9.1.2.standalone.min.js' };

function loadScript(src) {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => resolve(src);
    script.onerror = () => reject(new Error('cannot load ' + src));
    document.head.appendChild(script);
  });
}

async function manifest() {
  try {
    const response = await fetch('/vendor/manifest.json', { cache: 'no-store' });
    if (response.ok) {
      return await response.json();
    }
    console.warn('vendor manifest missing (' + response.status + '), using defaults');
  } catch (e) {
    console.warn('vendor manifest unreadable (' + e.message + '), using defaults');
  }
  return DEFAULTS;
}

/** Loads vis-network, then calls window.startApp(). */
export async function loadVisAndStart() {
  const { vis_network_version: version, js_file: file } = { ...DEFAULTS, ...(await manifest()) };
  const local = '/vendor/' + file;
  try {
    await loadScript(local);
    console.info('using LOCAL: ' + local);
  } catch (e) {
    const cdn = CDN + '/vis-network@' + version + '/standalone/umd/vis-network.min.js';
    console.warn('local missing, using CDN: ' + cdn);
    await loadScript(cdn);
  }
  window.startApp();
}
