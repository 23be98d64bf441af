package io.procnet.graph;

import java.util.Objects;

/**
 * What a process node is and what it reads: its type ({@code app}, {@code database},
 * {@code cache}, ...; also the icon name) and its label. Immutable and thread-safe.
 */
public record NodeClassification(String type, String label) {

    public NodeClassification {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(label, "label");
        if (type.isBlank()) {
            throw new IllegalArgumentException("type must not be blank");
        }
    }
}
