package io.cdcharness;

import io.cdcharness.kafka.RecordedRecord;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the clean slate may remove. On the harness's own stack (or a warm one of {@code up}) that is
 * every connector, topic, database and registry subject. On someone's cluster it is only what this run
 * created: everything that was there when the run attached is left alone, whatever its name.
 */
final class RunScope {
    private final boolean everything;
    private final Set<String> connectors;
    private final Set<String> topics;
    private final Set<String> databases;
    private final Set<String> subjects;

    private RunScope(boolean everything, Collection<String> connectors, Collection<String> topics, Collection<String> databases,
                     Collection<String> subjects) {
        this.everything = everything;
        this.connectors = Set.copyOf(connectors);
        this.topics = Set.copyOf(topics);
        this.databases = Set.copyOf(databases);
        this.subjects = Set.copyOf(subjects);
    }

    /** The harness's own stack: everything is the harness's to remove. */
    static RunScope everything() {
        return new RunScope(true, List.of(), List.of(), List.of(), List.of());
    }

    /** Someone's cluster: what exists now stays. */
    static RunScope leavingAlone(Collection<String> connectors, Collection<String> topics, Collection<String> databases,
                                 Collection<String> subjects) {
        return new RunScope(false, connectors, topics, databases, subjects);
    }

    boolean mayRemoveConnector(String name) {
        return everything || !connectors.contains(name);
    }

    boolean mayRemoveTopic(String name) {
        return everything || !topics.contains(name);
    }

    boolean mayDropDatabase(String name) {
        return everything || !databases.contains(name);
    }

    boolean mayDeleteSubject(String name) {
        return everything || !subjects.contains(name);
    }

    /** Fails at once when a scenario would register a connector that was on the cluster before this run. */
    void requireOwnConnector(String name, String fixture) {
        if (!mayRemoveConnector(name)) {
            throw new IllegalStateException("Connector \"" + name + "\" (from " + fixture + ") was on the cluster before this run, and the "
                    + "harness never changes or removes what it did not create. Give the scenario's connector another name (\"name\" in "
                    + "the fixture), or remove \"" + name + "\" from the cluster yourself if it is a leftover.");
        }
    }

    /** Fails at once when a check names a topic that was on the cluster before this run: its records are not the scenario's. */
    void requireOwnTopic(String name) {
        if (!mayRemoveTopic(name)) {
            throw new IllegalStateException("Topic \"" + name + "\" was on the cluster before this run, so its records are not only this "
                    + "scenario's, and the harness neither reads nor deletes it. Give the scenario's connector another topic.prefix, or delete "
                    + "the topic yourself if it is a leftover.");
        }
    }

    /** A stored offset (key {@code ["connector", {partition}]}) of a connector the clean slate may remove. */
    boolean mayDeleteOffset(RecordedRecord offset) {
        if (everything) {
            return true;
        }
        var key = offset.keyJson();
        return key != null && key.isArray() && key.size() > 0 && mayRemoveConnector(key.get(0).asText());
    }

    /** For the run log: what stays, or empty on the harness's own stack. */
    String describe() {
        if (everything) {
            return "";
        }
        return "this run removes only what it creates; it leaves alone what was there before it: " + connectors.size()
                + " connector(s) " + new TreeSet<>(connectors) + ", " + topics.size() + " topic(s), " + databases.size()
                + " database(s) " + new TreeSet<>(databases) + ", " + subjects.size() + " registry subject(s)";
    }
}
