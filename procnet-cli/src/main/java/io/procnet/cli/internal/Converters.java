package io.procnet.cli.internal;

import com.beust.jcommander.IStringConverter;
import com.beust.jcommander.ParameterException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The option values that are more than a string, each refused with a message naming the value. */
public final class Converters {
    /** The longest interval: a map that changes less than daily is not live. */
    static final Duration MAX_INTERVAL = Duration.ofHours(1);

    private Converters() {
    }

    /** A converter that knows the option it converts for, to name it in its messages. */
    public abstract static class ForOption<T> implements IStringConverter<T> {
        final String option;

        protected ForOption(String option) {
            this.option = option;
        }
    }

    /** A TCP port for the server to bind, 0 for any free one. */
    public static final class BindPort extends ForOption<Integer> {
        public BindPort(String option) {
            super(option);
        }

        @Override
        public Integer convert(String value) {
            return port(option, value, 0);
        }
    }

    /** Seconds as a decimal number, above 0 and at most an hour. */
    public static final class Seconds extends ForOption<Duration> {
        public Seconds(String option) {
            super(option);
        }

        @Override
        public Duration convert(String value) {
            BigDecimal seconds;
            try {
                seconds = new BigDecimal(value.strip());
            } catch (NumberFormatException e) {
                throw refuse(option, value, "not a number of seconds, such as 1.0 or 0.5");
            }
            if (seconds.signum() <= 0) {
                throw refuse(option, value, "the interval must be above 0 seconds, such as 1.0 or 0.5");
            }
            if (seconds.compareTo(BigDecimal.valueOf(MAX_INTERVAL.toSeconds())) > 0) {
                throw refuse(option, value, "the interval can be at most " + MAX_INTERVAL.toSeconds() + " seconds");
            }
            Duration interval = Duration.ofNanos(seconds.movePointRight(9).longValue());
            if (interval.toMillis() < 1) {
                throw refuse(option, value, "the interval must be at least 0.001 seconds");
            }
            return interval;
        }
    }

    /** A comma-separated list of ports, possibly empty: {@code 80,443,5432}. */
    /** Ports given on the command line; a record, so that JCommander does not split it as a list. */
    public record PortSet(Set<Integer> ports) {
        public PortSet {
            ports = Collections.unmodifiableSet(new LinkedHashSet<>(ports));
        }

        static PortSet none() {
            return new PortSet(Set.of());
        }

        /** As written on the command line, which is also how the help shows the default. */
        @Override
        public String toString() {
            return ports.isEmpty() ? "none" : ports.stream().map(String::valueOf).collect(Collectors.joining(","));
        }
    }

    public static final class PortList extends ForOption<PortSet> {
        public PortList(String option) {
            super(option);
        }

        @Override
        public PortSet convert(String value) {
            Set<Integer> ports = new LinkedHashSet<>();
            for (String item : value.split(",", -1)) {
                String port = item.strip();
                if (port.isEmpty() && value.isBlank()) {
                    continue;
                }
                if (port.isEmpty()) {
                    throw refuse(option, value, "an empty item; write ports separated by commas, such as 3000,5000");
                }
                ports.add(port(option + " '" + value + "':", port, 1));
            }
            return new PortSet(ports);
        }
    }

    /** One of an enum's constants, by its lower-case name. */
    public abstract static class Choice<E extends Enum<E>> extends ForOption<E> {
        private final Class<E> type;

        protected Choice(String option, Class<E> type) {
            super(option);
            this.type = type;
        }

        @Override
        public E convert(String value) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equalsIgnoreCase(value.strip())) {
                    return constant;
                }
            }
            StringBuilder known = new StringBuilder();
            E[] constants = type.getEnumConstants();
            for (int i = 0; i < constants.length; i++) {
                known.append(i == 0 ? "" : i == constants.length - 1 ? " or " : ", ")
                        .append(constants[i].name().toLowerCase(Locale.ROOT));
            }
            throw refuse(option, value, "unknown; use " + known);
        }
    }

    private static int port(String option, String value, int lowest) {
        int port;
        try {
            port = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw refuse(option, value, "not a port number (" + lowest + "-65535)");
        }
        if (port < lowest || port > 65535) {
            throw refuse(option, value, "out of range: a port is " + lowest + "-65535");
        }
        return port;
    }

    private static ParameterException refuse(String option, String value, String why) {
        return new ParameterException(option + " '" + value + "': " + why);
    }
}
