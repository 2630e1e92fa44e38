package io.cdcharness.assertions;

import io.cdcharness.kafka.KafkaTopics;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks of the topic list, as {@code kafka-topics.sh --list} shows it. "Does not exist" and "exactly
 * these" are judged once the pipeline has caught up with the binlog (see {@link Settling}).
 *
 * <pre>{@code
 * harness.topics().exist(List.of("originDB", "originDB.user.user_account"));
 * harness.topics().doesNotExist("shop.warehouse.stock");
 * harness.topics().exactly(List.of("shop", "shop-history", "shop.shop.orders"));
 * }</pre>
 *
 * "Exactly" leaves out the topics no user names: Kafka's own ({@code __consumer_offsets}), Connect's
 * config, offset and status topics, and Debezium's heartbeat topics ({@code __debezium-heartbeat.*}),
 * which carry the harness's default heartbeats.
 */
public final class TopicsAssert {
    private final KafkaTopics topics;
    private final CheckContext context;
    private final Set<String> connectOwn;

    public TopicsAssert(KafkaTopics topics, CheckContext context, Set<String> connectOwn) {
        this.topics = topics;
        this.context = context;
        this.connectOwn = Set.copyOf(connectOwn);
    }

    /** Waits until every named topic exists; returns the whole topic list. */
    public Set<String> exist(Collection<String> names) {
        return judge("the topics " + names + " to exist", true, existing -> {
            List<String> missing = names.stream().filter(name -> !existing.contains(name)).toList();
            return missing.isEmpty() ? Judgement.pass(existing)
                    : Judgement.notYet((missing.size() == 1 ? "this one is" : "these are") + " missing: " + missing, "existing topics: " + users(existing));
        });
    }

    /** The topic does not exist once the pipeline has caught up with the binlog. */
    public void doesNotExist(String name) {
        String expectation = "topic \"" + name + "\" not to exist";
        context.refuseIfBlind(expectation);
        judge(expectation, false, existing -> existing.contains(name)
                ? Judgement.never("it exists", "existing topics: " + users(existing) + describeRecords(name))
                : Judgement.pass(true));
    }

    /** Exactly these topics exist, besides Kafka's, Connect's and Debezium's heartbeat topics, once the pipeline has caught up. */
    public Set<String> exactly(Collection<String> names) {
        Set<String> expected = new TreeSet<>(names);
        return judge("exactly the topics " + expected + " to exist (besides Kafka's, Connect's and heartbeat topics)", false, existing -> {
            Set<String> users = users(existing);
            Set<String> missing = new TreeSet<>(expected);
            missing.removeAll(users);
            Set<String> extra = new TreeSet<>(users);
            extra.removeAll(expected);
            if (missing.isEmpty() && extra.isEmpty()) {
                return Judgement.pass(users);
            }
            String problem = (extra.isEmpty() ? "" : "these exist too: " + extra) + (!extra.isEmpty() && !missing.isEmpty() ? ", and " : "")
                    + (missing.isEmpty() ? "" : "these are missing: " + missing);
            StringBuilder seen = new StringBuilder("existing topics: " + users);
            extra.forEach(topic -> seen.append(describeRecords(topic)));
            return extra.isEmpty() ? Judgement.notYet(problem, seen.toString()) : Judgement.never(problem, seen.toString());
        });
    }

    private Set<String> users(Set<String> existing) {
        Set<String> users = new TreeSet<>(existing);
        users.removeIf(topic -> topic.startsWith("__") || connectOwn.contains(topic));
        return users;
    }

    private String describeRecords(String topic) {
        var records = context.recorder().records(topic);
        return records.isEmpty() ? "" : "\n" + EventListing.of("topic \"" + topic + "\"",
                records.stream().map(io.cdcharness.kafka.ChangeEvent::of).toList(), EventExpectation.any());
    }

    private <T> T judge(String expectation, boolean passesEarly, java.util.function.Function<Set<String>, Judgement<T>> look) {
        return SettledCheck.run(context, expectation, passesEarly, List.of(), () -> look.apply(topics.list()));
    }
}
