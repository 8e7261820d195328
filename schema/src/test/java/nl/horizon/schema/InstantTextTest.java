package nl.horizon.schema;

import com.fasterxml.jackson.databind.JsonMappingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class InstantTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"2026-03-01T12:00:00Z", "1990-01-31T23:59:59Z", "2024-02-29T00:00:00.5Z",
            "2026-11-23T07:02:58.123456789Z", "1969-12-31T23:59:59.999Z", "0001-01-01T00:00:00Z"})
    void readsTheCanonicalFormAsTheJdkDoes(String text) throws Exception {
        assertEquals(Instant.parse(text), InstantText.parse(text));
        assertEquals(Instant.parse(text), Json.mapper().readValue("\"" + text + "\"", Instant.class));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-03-01T12:00:00+02:00", "2026-03-01T12:00Z", "2026-03-01 12:00:00Z",
            "2026-13-01T12:00:00Z", "2026-02-30T12:00:00Z", "2026-03-01T24:00:00Z", "2026-03-01T12:00:00.Z",
            "2026-03-01T12:00:00.1234567890Z", "2026-0a-01T12:00:00Z", "2026-03-01T12:00:00"})
    void leavesEveryOtherFormToJackson(String text) {
        assertNull(InstantText.parse(text));
    }

    @Test
    void jacksonStillReadsOffsetsAndRejectsNonsense() throws Exception {
        assertEquals(Instant.parse("2026-03-01T10:00:00Z"),
                Json.mapper().readValue("\"2026-03-01T12:00:00+02:00\"", Instant.class));
        assertThrows(JsonMappingException.class, () -> Json.mapper().readValue("\"2026-13-01T12:00:00Z\"", Instant.class));
    }
}
