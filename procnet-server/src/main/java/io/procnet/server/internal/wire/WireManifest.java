package io.procnet.server.internal.wire;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code /vendor/manifest.json}, the original tool's format: the vis-network version, the bundle's
 * file name, and the SHA-256 of its bytes in lower-case hex. The server sends it and reads it from
 * a vendor directory; {@code procnet vendor} writes it there.
 */
public record WireManifest(@JsonProperty("vis_network_version") String visNetworkVersion,
                           @JsonProperty("js_file") String jsFile,
                           @JsonProperty("sha256_js") String sha256Js) {
}
