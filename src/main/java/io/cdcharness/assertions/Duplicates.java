package io.cdcharness.assertions;

import io.cdcharness.kafka.ChangeEvent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Finds events that occur more than once on a topic (same key, same value: a redelivery, wherever
 * it sits) and names them the way a person on call says it: "2 creates of key {"id":10}, at offsets 3 and 4".
 */
final class Duplicates {
    private Duplicates() {
    }

    /** One sentence per group of identical events; empty when every event is there once. */
    static List<String> describe(List<ChangeEvent> events) {
        Map<String, List<ChangeEvent>> groups = new LinkedHashMap<>();
        for (ChangeEvent event : events) {
            groups.computeIfAbsent(Objects.toString(event.key()) + "\u0000" + Objects.toString(event.value()), k -> new ArrayList<>()).add(event);
        }
        List<String> sentences = new ArrayList<>();
        for (List<ChangeEvent> group : groups.values()) {
            if (group.size() > 1) {
                ChangeEvent first = group.get(0);
                List<String> offsets = group.stream().map(event -> Long.toString(event.record().offset())).toList();
                sentences.add(group.size() + " " + plural(name(first), group.size()) + " of key " + first.key() + ", at offsets "
                        + String.join(", ", offsets.subList(0, offsets.size() - 1)) + " and " + offsets.get(offsets.size() - 1));
            }
        }
        return sentences;
    }

    static String name(ChangeEvent event) {
        if (event.isTombstone()) {
            return "tombstone";
        }
        return switch (event.op()) {
            case "c" -> "create";
            case "u" -> "update";
            case "d" -> "delete";
            case "r" -> "read";
            case "t" -> "truncate";
            default -> "record";
        };
    }

    private static String plural(String word, int count) {
        return count == 1 ? word : word + "s";
    }
}
