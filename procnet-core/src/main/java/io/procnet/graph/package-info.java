/**
 * The topology graph: {@link io.procnet.graph.TopologyBuilder} turns a snapshot into a
 * {@link io.procnet.graph.Graph} of process, remote and listener nodes and directed, aggregated
 * edges; {@link io.procnet.graph.GraphDiff} computes what changed between two graphs.
 */
package io.procnet.graph;
