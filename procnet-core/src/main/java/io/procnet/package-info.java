/** Procnet for embedders: {@link io.procnet.ProcNet} gives snapshots and graphs in a few lines. */
package io.procnet;
