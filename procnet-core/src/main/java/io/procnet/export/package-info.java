/**
 * Text renderings of a snapshot and its graph, for the CLI and anyone embedding the library:
 * {@link io.procnet.export.SocketTable} (one aligned row per socket, with the reason of the edge it
 * counts in), {@link io.procnet.export.DotGraph} (Graphviz DOT) and
 * {@link io.procnet.export.MermaidGraph} (a Mermaid flowchart). Each is a pure function from values
 * to text: no I/O. Process names and other text from the machine are escaped for each format, so
 * that a name with quotes, brackets, newlines or markup shows as it is and cannot change the
 * structure of the output.
 */
package io.procnet.export;
