// Loads vis-network as the original did: the manifest names the version and the local file; the
// local file first, the CDN of the same version only when that fails (and only with the bytes the manifest's
// sha256 names, when it names one); then window.startApp().

const CDN = 'https://unpkg.com';
const DEFAULTS = { vis_network_version: '9.1.2', js_file: 'vis-network-9.1.2.standalone.min.js' };

function loadScript(src, integrity) {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    if (integrity) {
      script.integrity = integrity;
      script.crossOrigin = 'anonymous';
    }
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

/** A sha256 in hex as a script's integrity attribute, or undefined when there is none. */
function subresourceIntegrity(hex) {
  if (!/^[0-9a-f]{64}$/i.test(hex || '')) return undefined;
  const bytes = hex.match(/../g).map((pair) => parseInt(pair, 16));
  return 'sha256-' + btoa(String.fromCharCode(...bytes));
}

/** Loads vis-network, then calls window.startApp(). */
export async function loadVisAndStart() {
  const { vis_network_version: version, js_file: file, sha256_js: sha256 } = { ...DEFAULTS, ...(await manifest()) };
  const local = '/vendor/' + file;
  try {
    await loadScript(local);
    console.info('using LOCAL: ' + local);
  } catch (e) {
    const cdn = CDN + '/vis-network@' + version + '/standalone/umd/vis-network.min.js';
    console.warn('local missing, using CDN: ' + cdn);
    await loadScript(cdn, subresourceIntegrity(sha256));
  }
  window.startApp();
}
