// Parses a Mermaid diagram with the real Mermaid parser and prints what it parsed, for
// MermaidGraphParserTest. Mermaid and jsdom (DOMPurify, which Mermaid's flowchart parser calls,
// needs a DOM) are installed apart from this script, from package.json next to it:
//
//   mkdir -p procnet-core/target/mermaid-check
//   cp procnet-core/src/test/mermaid/package.json procnet-core/target/mermaid-check/
//   npm install --prefix procnet-core/target/mermaid-check --no-package-lock --no-audit --no-fund --loglevel=error
//
// Usage: node check.mjs <install dir> < diagram
// Exit 0 when the diagram parses, printing one line per node and per edge:
//   node <id> <shape> <label as JSON>
//   edge <from> <to> <stroke> <dashed|solid> <label as JSON>
// with entity codes (#quot; #60;) decoded and <br> written as \n. Exit 1 with the parser's error
// on stderr when it does not parse, 2 when Mermaid cannot be loaded from the install dir.
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node check.mjs <install dir> < diagram');
  process.exit(2);
}
let mermaid;
try {
  const require = createRequire(join(resolve(dir), 'package.json'));
  const { JSDOM } = require('jsdom');
  const dom = new JSDOM('<!DOCTYPE html><body></body>');
  globalThis.window = dom.window;
  globalThis.document = dom.window.document;
  ({ default: mermaid } = await import(pathToFileURL(require.resolve('mermaid')).href));
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
} catch (e) {
  console.error(`cannot load mermaid and jsdom from ${dir}: ${e.message}`);
  process.exit(2);
}

let text = '';
for await (const chunk of process.stdin) {
  text += chunk;
}

let diagram;
try {
  await mermaid.parse(text);
  diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
} catch (e) {
  console.error(String(e && e.message ? e.message : e));
  process.exit(1);
}

const named = { quot: '"', amp: '&', lt: '<', gt: '>', nbsp: '\u00a0', apos: "'" };
// Mermaid keeps entity codes as placeholders until it renders: undo them, and its line breaks.
const decode = (label) => String(label ?? '')
  .replace(/\ufb02\u00b0\u00b0(\d+)\u00b6\u00df/g, (_, code) => String.fromCodePoint(Number(code)))
  .replace(/\ufb02\u00b0(\w+)\u00b6\u00df/g, (whole, name) => named[name] ?? whole)
  .replace(/<br\s*\/?>/gi, '\n');

const out = [];
for (const [id, vertex] of diagram.db.getVertices()) {
  out.push(`node ${id} ${vertex.type} ${JSON.stringify(decode(vertex.text))}`);
}
for (const edge of diagram.db.getEdges()) {
  const dashed = (edge.style ?? []).some((style) => style.startsWith('stroke-dasharray')) ? 'dashed' : 'solid';
  out.push(`edge ${edge.start} ${edge.end} ${edge.stroke} ${dashed} ${JSON.stringify(decode(edge.text))}`);
}
process.stdout.write(out.map((line) => line + '\n').join(''));
