package nl.horizon.app.web;

import com.sun.net.httpserver.HttpExchange;
import io.micrometer.core.instrument.Metrics;
import nl.horizon.schema.AuditEvent;
import nl.horizon.schema.Classification;
import nl.horizon.schema.JsonSerde;
import nl.horizon.schema.Topics;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.time.Clock;

/**
 * Records who saw or changed what on {@code horizon.audit.v2}: one event per request to a protected or
 * unknown path. The write is not waited on (a reader should not wait for the audit), but every
 * acknowledgement is checked: a failed write is logged with the event and counted in
 * {@code horizon.audit.failed}, so a gap in the trail is never silent.
 *
 * <p>The client address is the socket's: no proxy header is trusted, since any client can send one. Each
 * event is classified with the caller's clearance when it carries what the caller typed, so that the audit
 * trail does not hand a secret-cleared analyst's search terms to every reader of the topic.
 */
public final class AuditTrail {

    /** The actor of a request without valid credentials. */
    static final String UNAUTHENTICATED = "unauthenticated";
    /** The route of a path no route serves. */
    static final String UNKNOWN_ROUTE = "unknown";
    private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);
    private static final int MAX_TARGET = 500;
    private static final java.util.regex.Pattern FEED_TOKEN = java.util.regex.Pattern.compile("(^|&)token=[^&]*");

    private final Producer<String, byte[]> producer;
    private final Clock clock;

    public AuditTrail(Producer<String, byte[]> producer, Clock clock) {
        this.producer = producer;
        this.clock = clock;
    }

    /**
     * Records one request.
     *
     * @param caller who made it; null when it had no valid credentials
     * @param route  the template of the route it matched, or {@link #UNKNOWN_ROUTE}
     */
    public void record(HttpExchange exchange, Caller caller, String route, int status) {
        String query = withoutFeedToken(exchange.getRequestURI().getRawQuery());
        String path = exchange.getRequestURI().getRawPath();
        String target = query == null ? path : path + "?" + query;
        // a route without a parameter answers one fixed path: only then is nothing in the target the caller's own
        boolean typed = query != null || route.equals(UNKNOWN_ROUTE) || route.contains("{");
        Classification clearance = caller == null ? Classification.PUBLIC : caller.clearance();
        AuditEvent event = new AuditEvent(clock.instant(), caller == null ? UNAUTHENTICATED : caller.id(),
                caller == null ? UNAUTHENTICATED : caller.name(), clearance, clientAddress(exchange),
                exchange.getRequestMethod(), route,
                target.length() > MAX_TARGET ? target.substring(0, MAX_TARGET) : target, status,
                typed ? clearance : Classification.PUBLIC);
        try {
            producer.send(new ProducerRecord<>(Topics.AUDIT, event.actor(), JsonSerde.of(AuditEvent.class)
                    .serialize(Topics.AUDIT, event)), (metadata, e) -> {
                        if (e != null) {
                            failed(event, e);
                        }
                    });
        } catch (RuntimeException e) {
            failed(event, e);
        }
    }

    /** The query with a feed token's value left out: the trail's readers must not be able to use it. */
    private static String withoutFeedToken(String query) {
        return query == null ? null : FEED_TOKEN.matcher(query).replaceAll("$1token=(withheld)");
    }

    private static String clientAddress(HttpExchange exchange) {
        InetSocketAddress remote = exchange.getRemoteAddress();
        return remote.getAddress() == null ? remote.getHostString() : remote.getAddress().getHostAddress();
    }

    private static void failed(AuditEvent event, Exception e) {
        Metrics.counter("horizon.audit.failed").increment();
        LOG.error("could not write the audit event {}: {}", event, e.toString());
    }
}
