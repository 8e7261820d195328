package nl.horizon.app;

import nl.horizon.schema.TopicSpec;
import nl.horizon.schema.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Creates the topic catalogue and waits until every partition has a leader that answers. Producing
 * right after {@code createTopics()} has been seen to lose records silently (NOT_LEADER, then
 * OUT_OF_ORDER_SEQUENCE), so nothing starts before {@link #ensure} returns.
 */
public final class TopicCatalogue {

    private static final Logger LOG = LoggerFactory.getLogger(TopicCatalogue.class);

    private TopicCatalogue() {
    }

    /** Creates missing topics, then waits until every partition of every topic answers {@code listOffsets}. */
    public static void ensure(Admin admin, int partitions, short replicationFactor, Duration timeout)
            throws InterruptedException {
        Set<String> existing = get(admin.listTopics().names());
        List<NewTopic> missing = Topics.catalogue().stream().filter(t -> !existing.contains(t.name()))
                .map(t -> newTopic(t, partitions, replicationFactor)).toList();
        if (!missing.isEmpty()) {
            admin.createTopics(missing).values().forEach((name, future) -> {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + name + ": " + e.getCause(), e);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted creating " + name, e);
                }
            });
            LOG.info("created topics {}", missing.stream().map(NewTopic::name).toList());
        }
        awaitReady(admin, Topics.catalogue().stream().map(TopicSpec::name).toList(), timeout);
    }

    private static NewTopic newTopic(TopicSpec spec, int partitions, short replicationFactor) {
        return new NewTopic(spec.name(), partitions, replicationFactor).configs(spec.configs());
    }

    /** Polls until every partition of {@code topics} answers {@code listOffsets}, or fails after {@code timeout}. */
    static void awaitReady(Admin admin, List<String> topics, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        Exception last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                Map<String, TopicDescription> descriptions = admin.describeTopics(topics).allTopicNames()
                        .get(10, TimeUnit.SECONDS);
                Map<TopicPartition, OffsetSpec> request = new HashMap<>();
                descriptions.values().forEach(d -> d.partitions().forEach(p -> {
                    if (p.leader() != null) {
                        request.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest());
                    }
                }));
                long expected = descriptions.values().stream().mapToLong(d -> d.partitions().size()).sum();
                if (request.size() == expected) {
                    admin.listOffsets(request).all().get(10, TimeUnit.SECONDS);
                    return;
                }
            } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                last = e;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("topics not ready after " + timeout + ": " + topics, last);
    }

    private static <T> T get(org.apache.kafka.common.KafkaFuture<T> future) throws InterruptedException {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer: " + e, e);
        }
    }
}
