package nl.horizon.index;

import nl.horizon.schema.JsonSerde;
import nl.horizon.schema.Match;
import nl.horizon.schema.Subscription;
import nl.horizon.schema.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.List;

/**
 * The subscriptions topic into the saved queries (every instance holds every saved query) and the matches
 * topic into the notifications, for a {@link TopicFollower} reading both from their beginning.
 */
public final class SubscriptionRecords implements TopicFollower.Handler {

    /** The topics this handler reads. */
    public static final List<String> TOPICS = List.of(Topics.SUBSCRIPTIONS, Topics.MATCHES);

    private final JsonSerde<Subscription> subscriptions = JsonSerde.of(Subscription.class);
    private final JsonSerde<Match> matches = JsonSerde.of(Match.class);
    private final SavedQueries queries;
    private final MatchInbox inbox;

    public SubscriptionRecords(SavedQueries queries, MatchInbox inbox) {
        this.queries = queries;
        this.inbox = inbox;
    }

    @Override
    public void follow(ConsumerRecord<String, byte[]> record) {
        if (Topics.SUBSCRIPTIONS.equals(record.topic())) {
            queries.apply(record.key(), record.value() == null ? null
                    : subscriptions.deserialize(record.topic(), record.value()));
        } else if (record.value() != null) {
            inbox.add(matches.deserialize(record.topic(), record.value()));
        }
    }
}
