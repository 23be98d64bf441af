package io.procnet.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** An availability probe runs once, and a probe that throws is an unavailability with its error. */
class ProbeOnceTest {

    static Stream<Arguments> probes() {
        IllegalStateException broken = new IllegalStateException("no netlink");
        UnsatisfiedLinkError unlinked = new UnsatisfiedLinkError("libc not found");
        return Stream.of(
                Arguments.of("available", (Supplier<Availability>) () -> Availability.available("netlink answered"),
                        true, "netlink answered", null),
                Arguments.of("unavailable", (Supplier<Availability>) () -> Availability.unavailable("not Linux"),
                        false, "not Linux", null),
                Arguments.of("throws", (Supplier<Availability>) () -> {
                    throw broken;
                }, false, "probe failed (no netlink)", broken),
                Arguments.of("does not link", (Supplier<Availability>) () -> {
                    throw unlinked;
                }, false, "probe failed (libc not found)", unlinked));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("probes")
    void probesOnceAndRemembersTheAnswer(String name, Supplier<Availability> probe, boolean available, String describe,
                                         Throwable cause) {
        AtomicInteger probed = new AtomicInteger();
        ProbeOnce once = new ProbeOnce(() -> {
            probed.incrementAndGet();
            return probe.get();
        });

        Availability first = once.get();
        Availability second = once.get();

        assertThat(first).isNotNull().isSameAs(second);
        assertThat(probed).hasValue(1);
        assertThat(first.available()).isEqualTo(available);
        assertThat(first.describe()).isEqualTo(describe);
        assertThat(first.cause()).isSameAs(cause);
    }
}
