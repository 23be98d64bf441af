package io.procnet.internal.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Items with stable ids kept in id order from snapshot to snapshot, so that each snapshot sorts
 * only its new items into an already sorted list. Not thread-safe.
 */
final class SortedById<T> {
    /** Up to this many new items are inserted one by one; more are merged in one pass. */
    private static final int FEW = 64;

    private final Function<T, String> idOf;
    private final Comparator<T> byId;
    private List<T> sorted = new ArrayList<>();
    private final List<T> added = new ArrayList<>();

    SortedById(Function<T, String> idOf) {
        this.idOf = idOf;
        this.byId = Comparator.comparing(idOf);
    }

    /** Adds an item whose id is not in the list yet; it is sorted in at the next {@link #sorted()}. */
    void add(T item) {
        added.add(item);
    }

    void removeIf(Predicate<T> gone) {
        sorted.removeIf(gone);
        added.removeIf(gone);
    }

    int size() {
        return sorted.size() + added.size();
    }

    /** All items, in id order; the list is this object's own: read it, do not keep it. */
    List<T> sorted() {
        if (added.isEmpty()) {
            return sorted;
        }
        added.sort(byId);
        if (added.size() <= FEW) {
            for (T item : added) {
                int at = Collections.binarySearch(sorted, item, byId);
                sorted.add(-at - 1, item);
            }
        } else {
            List<T> merged = new ArrayList<>(sorted.size() + added.size());
            int a = 0;
            int b = 0;
            while (a < sorted.size() || b < added.size()) {
                boolean takeOld = b == added.size()
                        || a < sorted.size() && idOf.apply(sorted.get(a)).compareTo(idOf.apply(added.get(b))) < 0;
                merged.add(takeOld ? sorted.get(a++) : added.get(b++));
            }
            sorted = merged;
        }
        added.clear();
        return sorted;
    }
}
