/**
 * The immutable data model: sockets, their owning processes and the snapshot a collector
 * returns. All types are records and thread-safe.
 */
package io.procnet.model;
