package nl.horizon.ingest.feed;

import nl.horizon.ingest.SingleTaskConnector;

/**
 * Kafka Connect source connector for one polled feed (RSS/Atom, ReliefWeb API, CrisisWatch JSON). One
 * connector per feed: each feed has its own schedule, state and health.
 */
public final class FeedConnector extends SingleTaskConnector {

    public FeedConnector() {
        super(FeedConfig.DEFINITION, FeedConfig::new, FeedTask.class);
    }
}
