package nl.horizon.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import nl.horizon.schema.Classification;
import nl.horizon.schema.Detection;
import nl.horizon.schema.Json;
import nl.horizon.schema.Lifecycle;
import nl.horizon.schema.RiskLevel;
import nl.horizon.schema.Signal;
import nl.horizon.schema.SourceKind;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A live signal event is the signal's own fields with its one headline beside them. */
class SignalNoticeTest {

    @Test
    void theEventCarriesTheSignalsFieldsAndItsHeadline() {
        Signal signal = new Signal("MLI:public:2026-11-20:new", "MLI", LocalDate.of(2026, 11, 20), Lifecycle.NEW,
                RiskLevel.ALERT, 88.5, 12, new Detection("d", "1", "security.fatalities", 40, 4, 7, 70), List.of("r1"),
                Set.of(SourceKind.POST, SourceKind.EVENT_DATA), Classification.PUBLIC, null);
        JsonNode json = Json.mapper().valueToTree(new LiveUpdates.SignalNotice(signal, signal.headline()));
        assertThat(json.path("headline").asText()).isEqualTo("Mali: new alert");
        assertThat(json.path("id").asText()).isEqualTo(signal.id());
        assertThat(json.path("country").asText()).isEqualTo("MLI");
        assertThat(json.path("level").asText()).isEqualTo("alert");
        assertThat(json.has("signal")).isFalse();
        JsonNode stored = Json.mapper().valueToTree(signal);
        assertThat(stored.has("headline") || stored.has("kind") || stored.has("standing"))
                .as("the topic's record is its fields only").isFalse();
    }
}
