package io.procnet.internal.graph;

import io.procnet.model.Protocol;

/** A port a process serves on. */
record ServerPort(Protocol protocol, int port, long pid) {
}
