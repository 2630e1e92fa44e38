package io.cdcharness.shard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Greedy longest-processing-time assignment: the heaviest item first, each to the bin that holds the
 * least so far (the lowest-numbered bin on a tie). Items of equal weight are taken in {@code order}, so
 * the result depends on nothing but the input.
 */
final class LongestFirst {
    private LongestFirst() {
    }

    static <T> List<List<T>> assign(List<T> items, ToLongFunction<T> weight, Comparator<T> order, int bins) {
        List<T> heaviestFirst = new ArrayList<>(items);
        heaviestFirst.sort(Comparator.comparingLong(weight).reversed().thenComparing(order));
        List<List<T>> result = new ArrayList<>();
        long[] load = new long[bins];
        for (int i = 0; i < bins; i++) {
            result.add(new ArrayList<>());
        }
        for (T item : heaviestFirst) {
            int lightest = 0;
            for (int bin = 1; bin < bins; bin++) {
                if (load[bin] < load[lightest]) {
                    lightest = bin;
                }
            }
            result.get(lightest).add(item);
            load[lightest] += weight.applyAsLong(item);
        }
        return result;
    }
}
