package nl.horizon.schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * Structured fields of a coded event (ACLED, UCDP, GDELT), carried on a {@link Report} so that
 * indicators can be derived from them directly instead of from text. All fields are optional.
 *
 * @param eventType    the source's event type, e.g. {@code Battles} or a CAMEO root code
 * @param subEventType the source's finer type, if any
 * @param fatalities   reported deaths (best estimate)
 * @param cameoCode    CAMEO event code (GDELT)
 * @param goldstein    Goldstein scale value (GDELT), -10 (conflict) to +10 (cooperation)
 * @param events       how many events of this type the report stands for, when the source delivers counts
 *                     (GDELT's monthly counts); absent for a single event
 * @param marks        what the source's coding says of the event beyond its type, read from its structured
 *                     fields (ACLED: {@code Civilian targeting}, {@code Armed target}, {@code Foreign forces},
 *                     {@code Foreign civilians}, {@code Communal violence}); empty when it says nothing more. A type always answers what
 *                     kind of event it was; a mark only ever adds, so its absence says nothing.
 */
public record EventFields(String eventType, String subEventType, Integer fatalities, String cameoCode,
                          Double goldstein, Integer events,
                          @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> marks) {

    public EventFields {
        marks = marks == null ? List.of() : List.copyOf(marks);
    }

    /** An event without marks. */
    public EventFields(String eventType, String subEventType, Integer fatalities, String cameoCode, Double goldstein,
                       Integer events) {
        this(eventType, subEventType, fatalities, cameoCode, goldstein, events, List.of());
    }

    /** A single event without marks. */
    public EventFields(String eventType, String subEventType, Integer fatalities, String cameoCode, Double goldstein) {
        this(eventType, subEventType, fatalities, cameoCode, goldstein, null);
    }
}
