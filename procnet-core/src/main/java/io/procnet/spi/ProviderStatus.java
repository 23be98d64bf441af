package io.procnet.spi;

import java.util.Objects;

/**
 * One discovered provider and whether it can run, as {@code procnet collectors} lists it.
 * Immutable and thread-safe.
 *
 * @param id           the provider id, or the provider's class name when it could not be loaded
 * @param priority     the provider priority ({@link Integer#MIN_VALUE} when it could not be loaded)
 * @param availability whether it can run here, and why
 */
public record ProviderStatus(String id, int priority, Availability availability) {

    public ProviderStatus {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(availability, "availability");
    }

    /** {@code linux-netlink (priority 30): available: netlink answered}. */
    public String describe() {
        String state = availability.available() ? "available" : "unavailable";
        String prio = priority == Integer.MIN_VALUE ? "" : " (priority " + priority + ")";
        return id + prio + ": " + state + ": " + availability.describe();
    }
}
