package nl.horizon.formats;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import nl.horizon.schema.Json;
import nl.horizon.schema.Reasons;
import nl.horizon.schema.RejectReason;

/**
 * Reads JSON that comes from outside: every JSON document a source delivers or a caller pushes is read
 * here. A key that appears twice in one object is refused as {@link RejectReason#CONFLICTING_FIELD}:
 * plain Jackson keeps the last value, so {@code "classification"} written twice would let whichever came
 * last decide, and a secret report with a trailing {@code "public"} would be stored as public.
 */
final class InputJson {

    private static final ObjectReader STRICT = Json.mapper().reader()
            .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);

    private InputJson() {
    }

    /**
     * The document's tree (a missing node for empty text). Jackson tells a repeated key from other faults
     * only in the words of its message, so a document the strict read refuses is read again without the
     * check: when that succeeds, the repeated key was its only fault.
     *
     * @throws Rejection {@link RejectReason#CONFLICTING_FIELD} naming a repeated key,
     *                   {@link RejectReason#MALFORMED} for anything that is not JSON
     */
    static JsonNode read(String text) throws Rejection {
        try {
            return STRICT.readTree(text);
        } catch (JsonProcessingException strict) {
            try {
                Json.mapper().readTree(text);
            } catch (JsonProcessingException malformed) {
                throw new Rejection(RejectReason.MALFORMED, "not valid JSON: " + malformed.getOriginalMessage(),
                        malformed);
            }
            throw new Rejection(RejectReason.CONFLICTING_FIELD, keyOf(strict)
                    + " appears more than once in one object; state each field once", strict);
        }
    }

    /** The repeated key, with its JSON Pointer ({@code /fields/date}) so that a nested one is found too. */
    private static String keyOf(JsonProcessingException strict) {
        if (strict.getProcessor() instanceof JsonParser parser) {
            JsonStreamContext object = parser.getParsingContext();
            if (object != null && object.getCurrentName() != null) {
                return "key '" + Reasons.quote(object.getCurrentName()) + "' (at "
                        + Reasons.quote(object.pathAsPointer().toString()) + ")";
            }
        }
        return "a key (" + Reasons.firstLine(strict.getOriginalMessage()) + ")";
    }
}
