package io.procnet.spi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * The collectors on the class or module path, and the choice among them. Immutable and
 * thread-safe (providers memoise their own availability).
 *
 * <p>Discovery survives broken providers: a provider class that is missing, fails to load or
 * throws from its constructor, {@code id()}, {@code priority()} or {@code availability()} is
 * listed as unavailable with the error, and the others are still used.
 */
public final class CollectorRegistry {

    /** System property that forces a collector by id, e.g. {@code -Dprocnet.collector=linux-procfs}. */
    public static final String SELECTION_PROPERTY = "procnet.collector";

    /** A ServiceLoader iterator keeps failing on a corrupt service file; give up after this many errors. */
    private static final int MAX_LOAD_ERRORS = 100;

    private static final Comparator<Entry> BEST_FIRST = Comparator
            .comparingInt((Entry entry) -> entry.priority).reversed()
            .thenComparing(entry -> entry.id);

    private final List<Entry> entries;

    private CollectorRegistry(List<Entry> entries) {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(BEST_FIRST);
        this.entries = List.copyOf(sorted);
    }

    /** Providers found by {@link ServiceLoader} through the context class loader (or the module layer). */
    public static CollectorRegistry discover() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return discover(loader != null ? loader : CollectorRegistry.class.getClassLoader());
    }

    /** Providers found by {@link ServiceLoader} through {@code loader}. */
    public static CollectorRegistry discover(ClassLoader loader) {
        List<Entry> entries = new ArrayList<>();
        Iterator<CollectorProvider> providers = ServiceLoader.load(CollectorProvider.class, loader).iterator();
        int errors = 0;
        while (errors < MAX_LOAD_ERRORS) {
            try {
                if (!providers.hasNext()) {
                    break;
                }
                entries.add(Entry.of(providers.next()));
            } catch (ServiceConfigurationError | LinkageError | RuntimeException e) {
                errors++;
                entries.add(Entry.broken(e));
            }
        }
        return new CollectorRegistry(entries);
    }

    /** A registry of exactly these providers, for embedders and tests. */
    public static CollectorRegistry of(List<? extends CollectorProvider> providers) {
        List<Entry> entries = new ArrayList<>();
        for (CollectorProvider provider : providers) {
            entries.add(Entry.of(Objects.requireNonNull(provider, "provider")));
        }
        return new CollectorRegistry(entries);
    }

    /** Every provider, best first, with its availability. */
    public List<ProviderStatus> statuses() {
        return entries.stream().map(Entry::status).collect(Collectors.toUnmodifiableList());
    }

    /** The loaded provider with this id, if any. */
    public Optional<CollectorProvider> find(String id) {
        return entries.stream()
                .filter(entry -> entry.provider != null && entry.id.equals(id))
                .map(entry -> entry.provider)
                .findFirst();
    }

    /**
     * The provider to use: the one named by the {@value #SELECTION_PROPERTY} system property
     * when it is set, else the available provider with the highest priority.
     *
     * @throws CollectorException naming every provider and why it is unavailable, when none is
     */
    public CollectorProvider select() throws CollectorException {
        return select(System.getProperty(SELECTION_PROPERTY));
    }

    /**
     * The provider with id {@code forcedId}, or the best available one when {@code forcedId} is
     * null or blank.
     *
     * @throws CollectorException when the forced provider is unknown or unavailable, or none is available
     */
    public CollectorProvider select(String forcedId) throws CollectorException {
        if (forcedId != null && !forcedId.isBlank()) {
            return selectForced(forcedId.strip());
        }
        for (Entry entry : entries) {
            if (entry.status().availability().available()) {
                return entry.provider;
            }
        }
        throw new CollectorException(entries.isEmpty()
                ? "No collector found: put a collector jar (procnet-collect-posix or procnet-collect-windows)"
                        + " on the class path"
                : "No collector is available on this machine:" + listing());
    }

    private CollectorProvider selectForced(String id) throws CollectorException {
        Entry match = null;
        for (Entry entry : entries) {
            if (entry.provider != null && entry.id.equals(id)) {
                match = entry;
                break;
            }
        }
        if (match == null) {
            throw new CollectorException("Unknown collector '" + id + "'; known collectors:" + listing());
        }
        Availability availability = match.status().availability();
        if (!availability.available()) {
            throw new CollectorException(
                    "Collector '" + id + "' is not available here: " + availability.describe());
        }
        return match.provider;
    }

    private String listing() {
        StringBuilder text = new StringBuilder();
        for (ProviderStatus status : statuses()) {
            text.append(System.lineSeparator()).append("  ").append(status.describe());
        }
        return text.toString();
    }

    /** A provider with its id and priority read once, guarded against a provider that throws. */
    private static final class Entry {
        final CollectorProvider provider;
        final String id;
        final int priority;
        final Availability loadFailure;

        private Entry(CollectorProvider provider, String id, int priority, Availability loadFailure) {
            this.provider = provider;
            this.id = id;
            this.priority = priority;
            this.loadFailure = loadFailure;
        }

        static Entry of(CollectorProvider provider) {
            String className = provider.getClass().getName();
            try {
                return new Entry(provider, Objects.requireNonNull(provider.id(), "id()"), provider.priority(), null);
            } catch (RuntimeException | LinkageError e) {
                return new Entry(null, className, Integer.MIN_VALUE,
                        Availability.unavailable("provider " + className + " failed to describe itself", e));
            }
        }

        static Entry broken(Throwable error) {
            return new Entry(null, "(unloadable provider)", Integer.MIN_VALUE,
                    Availability.unavailable("could not be loaded", error));
        }

        ProviderStatus status() {
            if (loadFailure != null) {
                return new ProviderStatus(id, priority, loadFailure);
            }
            Availability availability;
            try {
                availability = Objects.requireNonNull(provider.availability(), "availability()");
            } catch (RuntimeException | LinkageError e) {
                availability = Availability.unavailable("availability probe failed", e);
            }
            return new ProviderStatus(id, priority, availability);
        }
    }
}
