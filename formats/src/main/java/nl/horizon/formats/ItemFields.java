package nl.horizon.formats;

import com.fasterxml.jackson.databind.JsonNode;
import nl.horizon.schema.Reasons;
import nl.horizon.schema.RejectReason;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads the fields of a JSON item payload, with rejections that name the field and the value. Paths
 * use {@code /} as in JSON Pointer ({@code fields/date/original}).
 */
final class ItemFields {

    private static final DateTimeFormatter BASIC_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private final JsonNode root;

    private ItemFields(JsonNode root) {
        this.root = root;
    }

    static ItemFields parse(String payload) throws Rejection {
        JsonNode root = InputJson.read(payload);
        if (root == null || !root.isObject()) {
            throw new Rejection(RejectReason.MALFORMED, "an item must be a JSON object");
        }
        return new ItemFields(root);
    }

    JsonNode node(String path) {
        return root.at("/" + path);
    }

    /** The text at {@code path}; empty for missing, null, blank or {@code NA}. */
    Optional<String> text(String path) {
        JsonNode node = node(path);
        if (node.isMissingNode() || node.isNull() || !node.isValueNode()) {
            return Optional.empty();
        }
        String text = node.asText().trim();
        return text.isEmpty() || "NA".equals(text) ? Optional.empty() : Optional.of(text);
    }

    String required(String path) throws Rejection {
        return text(path).orElseThrow(() -> new Rejection(RejectReason.INVALID_FIELD,
                "required field '" + path + "' is missing or empty"));
    }

    /** A non-negative whole number, or empty. */
    Optional<Integer> count(String path) throws Rejection {
        Optional<String> text = text(path);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            int n = (int) Math.round(Double.parseDouble(text.get()));
            if (n < 0) {
                throw new NumberFormatException();
            }
            return Optional.of(n);
        } catch (NumberFormatException e) {
            throw invalid(path, text.get(), "a count of zero or more");
        }
    }

    Optional<Double> number(String path) throws Rejection {
        Optional<String> text = text(path);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Double.parseDouble(text.get()));
        } catch (NumberFormatException e) {
            throw invalid(path, text.get(), "a number");
        }
    }

    /** The date or date-time at {@code path}; see {@link #instantOf}. */
    Instant instant(String path) throws Rejection {
        return instantOf(path, required(path));
    }

    /**
     * A date ({@code 2022-02-23}, {@code 20220223}) as midnight UTC, a local date-time
     * ({@code 2022-02-23 00:00:00.000}) as UTC, or an ISO-8601 date-time with offset.
     *
     * @throws Rejection naming {@code field} and the value
     */
    static Instant instantOf(String field, String text) throws Rejection {
        try {
            if (text.length() == 8 && text.chars().allMatch(Character::isDigit)) {
                return LocalDate.parse(text, BASIC_DATE).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            if (text.length() >= 19 && text.charAt(10) == ' ') {
                return java.time.LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw invalid(field, text, "a date such as 2022-02-23, 20220223 or 2022-02-23 00:00:00, or an "
                    + "ISO-8601 date-time with offset");
        }
    }

    /**
     * The countries a structured country-name field denotes: none when the field is empty, else every
     * country it names.
     *
     * @throws Rejection {@link RejectReason#UNKNOWN_COUNTRY} when it names no known country
     */
    java.util.List<String> countries(String path) throws Rejection {
        Optional<String> name = text(path);
        if (name.isEmpty()) {
            return java.util.List.of();
        }
        java.util.List<String> codes = CountryNames.standard().allAlpha3(name.get());
        if (codes.isEmpty()) {
            throw new Rejection(RejectReason.UNKNOWN_COUNTRY, path + ": '" + Reasons.quote(name.get())
                    + "' is not a known country");
        }
        return codes;
    }

    static Rejection invalid(String field, String value, String expected) {
        return new Rejection(RejectReason.INVALID_FIELD, field + ": '" + Reasons.quote(value)
                + "' is not valid; expected " + expected);
    }
}
