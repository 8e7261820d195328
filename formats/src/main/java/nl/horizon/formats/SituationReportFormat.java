package nl.horizon.formats;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import nl.horizon.schema.Classification;
import nl.horizon.schema.Countries;
import nl.horizon.schema.Json;
import nl.horizon.schema.RawItem;
import nl.horizon.schema.Reasons;
import nl.horizon.schema.RejectReason;
import nl.horizon.schema.Report;
import nl.horizon.schema.SourceKind;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Situation reports written by people: posts of the diplomatic network and NGO partners (documented in
 * {@code docs/formats.md}). Three syntaxes read into the same {@link SituationReport} and are checked
 * by the same rules:
 * <ul>
 *   <li>{@link #POST_JSON} ({@code post-json}): an object with {@code post, reference, date,
 *       classification, countries, language, subject, body};</li>
 *   <li>{@link #POST_CABLE} ({@code post-cable}): cable-like plain text, header lines {@code KEY: value},
 *       a blank line, then the body;</li>
 *   <li>{@link #PARTNER_JSON} ({@code partner-json}): as {@code post-json}, with {@code partner} naming
 *       the author instead of {@code post}.</li>
 * </ul>
 */
public enum SituationReportFormat implements ItemFormat {

    POST_JSON("post-json", SourceKind.POST) {
        @Override
        Map<String, String> fields(String text) throws Rejection {
            return jsonFields(text);
        }
    },

    POST_CABLE("post-cable", SourceKind.POST) {
        @Override
        Map<String, String> fields(String text) throws Rejection {
            return cableFields(text);
        }
    },

    PARTNER_JSON("partner-json", SourceKind.PARTNER) {
        @Override
        Map<String, String> fields(String text) throws Rejection {
            return jsonFields(text);
        }
    };

    private static final Set<String> COMMON_FIELDS = Set.of("reference", "date", "classification", "countries",
            "language", "subject", "body");
    private static final Map<String, String> CABLE_KEYS = Map.ofEntries(
            Map.entry("POST", "post"), Map.entry("FROM", "post"),
            Map.entry("REFERENCE", "reference"), Map.entry("REF", "reference"), Map.entry("KENMERK", "reference"),
            Map.entry("DATE", "date"), Map.entry("DATUM", "date"),
            Map.entry("CLASSIFICATION", "classification"), Map.entry("RUBRICERING", "classification"),
            Map.entry("COUNTRY", "countries"), Map.entry("COUNTRIES", "countries"), Map.entry("LAND", "countries"),
            Map.entry("LANGUAGE", "language"), Map.entry("TAAL", "language"),
            Map.entry("SUBJECT", "subject"), Map.entry("ONDERWERP", "subject"));
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,127}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");

    private final String formatName;
    private final SourceKind sourceKind;

    SituationReportFormat(String formatName, SourceKind sourceKind) {
        this.formatName = formatName;
        this.sourceKind = sourceKind;
    }

    /** The field that names the author: {@code post} or {@code partner}. */
    public String authorField() {
        return sourceKind == SourceKind.PARTNER ? "partner" : "post";
    }

    /** The raw topic its items go to. */
    public SourceKind sourceKind() {
        return sourceKind;
    }

    @Override
    public String formatName() {
        return formatName;
    }

    private static Map<String, String> jsonFields(String text) throws Rejection {
        JsonNode root;
        try {
            root = Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new Rejection(RejectReason.MALFORMED, "not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new Rejection(RejectReason.MALFORMED, "a situation report must be a JSON object");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            fields.put(field.getKey(), value.isArray() ? joinArray(field.getKey(), value) : scalar(field.getKey(), value));
        }
        return fields;
    }

    private static Map<String, String> cableFields(String text) throws Rejection {
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        Map<String, String> fields = new LinkedHashMap<>();
        int i = 0;
        for (; i < lines.length && !lines[i].isBlank(); i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) {
                throw new Rejection(RejectReason.MALFORMED, "header line " + (i + 1)
                        + " is not 'KEY: value': '" + Reasons.quote(lines[i]) + "'");
            }
            String key = CABLE_KEYS.get(lines[i].substring(0, colon).trim().toUpperCase(Locale.ROOT));
            if (key == null) {
                throw new Rejection(RejectReason.INVALID_FIELD, "unknown header '"
                        + Reasons.quote(lines[i].substring(0, colon)) + "' on line " + (i + 1) + "; known: "
                        + CABLE_KEYS.keySet());
            }
            fields.put(key, lines[i].substring(colon + 1).trim());
        }
        fields.put("body", String.join("\n", java.util.Arrays.copyOfRange(lines, Math.min(i + 1, lines.length),
                lines.length)).strip());
        return fields;
    }

    /** The syntax of a post's file, by its name: {@code .json} or {@code .txt}/{@code .cable}. */
    public static java.util.Optional<SituationReportFormat> ofFileName(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".json")) {
            return java.util.Optional.of(POST_JSON);
        }
        if (lower.endsWith(".txt") || lower.endsWith(".cable")) {
            return java.util.Optional.of(POST_CABLE);
        }
        return java.util.Optional.empty();
    }

    /** The raw field values by field name. */
    abstract Map<String, String> fields(String text) throws Rejection;

    /**
     * Reads and checks a message.
     *
     * @throws Rejection naming the first missing or bad field
     */
    public SituationReport read(String text) throws Rejection {
        Map<String, String> fields = fields(text);
        Set<String> known = new java.util.TreeSet<>(COMMON_FIELDS);
        known.add(authorField());
        for (String key : fields.keySet()) {
            if (!known.contains(key)) {
                throw new Rejection(RejectReason.INVALID_FIELD, "unknown field '" + Reasons.quote(key) + "'; known: "
                        + known);
            }
        }
        String author = required(fields, authorField()).toLowerCase(Locale.ROOT);
        if (!SLUG.matcher(author).matches()) {
            throw ItemFields.invalid(authorField(), author, "lower-case letters, digits and '-'");
        }
        String reference = required(fields, "reference");
        if (!REFERENCE.matcher(reference).matches()) {
            throw ItemFields.invalid("reference", reference, "letters, digits and . _ / -, at most 128");
        }
        Instant date = ItemFields.instantOf("date", required(fields, "date"));
        Classification classification;
        try {
            classification = Classification.parse(required(fields, "classification"));
        } catch (IllegalArgumentException e) {
            throw new Rejection(RejectReason.INVALID_FIELD, "classification: " + e.getMessage());
        }
        String language = fields.get("language");
        if (language != null && !language.isBlank()) {
            language = language.trim().toLowerCase(Locale.ROOT);
            if (!LANGUAGE.matcher(language).matches()) {
                throw ItemFields.invalid("language", language, "an ISO 639-1 code such as nl, en or fr");
            }
        } else {
            language = null;
        }
        return new SituationReport(sourceKind, author, reference, date, classification,
                countries(fields.get("countries")), language, required(fields, "subject"), required(fields, "body"));
    }

    @Override
    public Report toReport(RawItem item) throws Rejection {
        return read(item.payload()).toReport(item);
    }

    private static List<String> countries(String value) throws Rejection {
        List<String> codes = new ArrayList<>();
        if (value == null || value.isBlank()) {
            return codes;
        }
        for (String part : value.split("[,;\\s]+")) {
            String code = part.trim().toUpperCase(Locale.ROOT);
            if (code.isEmpty()) {
                continue;
            }
            if (!Countries.isAlpha3(code)) {
                throw new Rejection(RejectReason.UNKNOWN_COUNTRY, "countries: '" + Reasons.quote(part)
                        + "' is not an ISO 3166-1 alpha-3 code");
            }
            if (!codes.contains(code)) {
                codes.add(code);
            }
        }
        return codes;
    }

    private static String required(Map<String, String> fields, String key) throws Rejection {
        String value = fields.get(key);
        if (value == null || value.isBlank()) {
            throw new Rejection(RejectReason.INVALID_FIELD, "required field '" + key + "' is missing or empty");
        }
        return value.trim();
    }

    private static String scalar(String key, JsonNode value) throws Rejection {
        if (value.isNull()) {
            return null;
        }
        if (!value.isValueNode()) {
            throw new Rejection(RejectReason.INVALID_FIELD, "field '" + Reasons.quote(key) + "' must be text");
        }
        return value.asText();
    }

    private static String joinArray(String key, JsonNode array) throws Rejection {
        List<String> parts = new ArrayList<>();
        for (JsonNode element : array) {
            parts.add(scalar(key, element));
        }
        return String.join(",", parts);
    }
}
