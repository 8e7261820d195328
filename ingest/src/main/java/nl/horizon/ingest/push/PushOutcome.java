package nl.horizon.ingest.push;

import java.util.Map;

/**
 * The answer to a pushed report, as HTTP status and JSON body: 202 with the report id once Kafka has
 * it, or an error code and reason.
 */
public record PushOutcome(int status, Map<String, Object> body) {

    static PushOutcome accepted(String reportId) {
        return new PushOutcome(202, Map.of("id", reportId, "status", "accepted"));
    }

    static PushOutcome error(int status, String code, String message) {
        return new PushOutcome(status, Map.of("error", code, "message", message));
    }
}
