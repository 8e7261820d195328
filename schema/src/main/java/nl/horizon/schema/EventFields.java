package nl.horizon.schema;

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
 */
public record EventFields(String eventType, String subEventType, Integer fatalities, String cameoCode,
                          Double goldstein, Integer events) {

    /** A single event. */
    public EventFields(String eventType, String subEventType, Integer fatalities, String cameoCode, Double goldstein) {
        this(eventType, subEventType, fatalities, cameoCode, goldstein, null);
    }
}
