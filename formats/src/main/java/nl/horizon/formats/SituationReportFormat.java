package nl.horizon.formats;

import com.fasterxml.jackson.databind.JsonNode;
import nl.horizon.schema.Countries;
import nl.horizon.schema.Marking;
import nl.horizon.schema.Markings;
import nl.horizon.schema.RawItem;
import nl.horizon.schema.Reasons;
import nl.horizon.schema.RejectReason;
import nl.horizon.schema.Report;
import nl.horizon.schema.SourceKind;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
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
public enum SituationReportFormat {

    POST_JSON("post-json", SourceKind.POST) {
        @Override
        Map<String, List<String>> fields(String text) throws Rejection {
            return jsonFields(text);
        }
    },

    POST_CABLE("post-cable", SourceKind.POST) {
        @Override
        Map<String, List<String>> fields(String text) throws Rejection {
            return cableFields(text);
        }
    },

    PARTNER_JSON("partner-json", SourceKind.PARTNER) {
        @Override
        Map<String, List<String>> fields(String text) throws Rejection {
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

    /** The format name, as in {@link RawItem#format()}. */
    public String formatName() {
        return formatName;
    }

    private static Map<String, List<String>> jsonFields(String text) throws Rejection {
        JsonNode root = InputJson.read(text);
        if (root == null || !root.isObject()) {
            throw new Rejection(RejectReason.MALFORMED, "a situation report must be a JSON object");
        }
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            fields.put(field.getKey(), Collections.singletonList(value.isArray() ? joinArray(field.getKey(), value)
                    : scalar(field.getKey(), value)));
        }
        return fields;
    }

    private static Map<String, List<String>> cableFields(String text) throws Rejection {
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        Map<String, List<String>> fields = new LinkedHashMap<>();
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
            fields.computeIfAbsent(key, k -> new ArrayList<>()).add(lines[i].substring(colon + 1).trim());
        }
        fields.put("body", List.of(String.join("\n", java.util.Arrays.copyOfRange(lines, Math.min(i + 1,
                lines.length), lines.length)).strip()));
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

    /**
     * Every value stated for each field, by field name, in the order written: a cable may repeat a header
     * or write it under an alias; JSON states each field once, since {@link InputJson} refuses a repeated key.
     */
    abstract Map<String, List<String>> fields(String text) throws Rejection;

    /**
     * Reads and checks a message; its {@code classification} field is read as a marking of {@code markings}.
     *
     * @throws Rejection naming the first missing or bad field
     */
    public SituationReport read(String text, Markings markings) throws Rejection {
        Map<String, List<String>> fields = fields(text);
        Set<String> known = new java.util.TreeSet<>(COMMON_FIELDS);
        known.add(authorField());
        for (String key : fields.keySet()) {
            if (!known.contains(key)) {
                throw new Rejection(RejectReason.INVALID_FIELD, "unknown field '" + Reasons.quote(key) + "'; known: "
                        + known);
            }
        }
        String authorField = authorField();
        return new SituationReport(sourceKind, stated(fields, authorField, value -> author(authorField, value)),
                stated(fields, "reference", SituationReportFormat::reference),
                stated(fields, "date", value -> ItemFields.instantOf("date", required("date", value))),
                stated(fields, "classification", value -> marking(value, markings)),
                stated(fields, "countries", SituationReportFormat::countries),
                stated(fields, "language", SituationReportFormat::language),
                stated(fields, "subject", value -> required("subject", value)),
                stated(fields, "body", value -> required("body", value)));
    }

    /** Reads one statement of a field; given {@code null} when the field is not stated at all. */
    @FunctionalInterface
    private interface FieldReader<T> {
        T read(String value) throws Rejection;
    }

    /**
     * What a field says. Every statement of it is read, and all must read the same: a cable that says
     * {@code CLASSIFICATION: SECRET} and then {@code RUBRICERING: Openbaar} is refused, never stored by
     * whichever line came last. Statements that differ only in spelling ({@code secret} and
     * {@code geheim}) agree.
     *
     * @throws Rejection {@link RejectReason#CONFLICTING_FIELD} naming the field and two values that
     *                   disagree, or the reader's rejection of a bad value
     */
    private static <T> T stated(Map<String, List<String>> fields, String key, FieldReader<T> reader)
            throws Rejection {
        List<String> statements = fields.getOrDefault(key, Collections.singletonList(null));
        T value = reader.read(statements.get(0));
        for (String other : statements.subList(1, statements.size())) {
            if (!Objects.equals(value, reader.read(other))) {
                throw new Rejection(RejectReason.CONFLICTING_FIELD, key + " is stated more than once with different "
                        + "values: '" + Reasons.quote(statements.get(0)) + "' and '" + Reasons.quote(other) + "'");
            }
        }
        return value;
    }

    private static String author(String field, String value) throws Rejection {
        String author = required(field, value).toLowerCase(Locale.ROOT);
        if (!SLUG.matcher(author).matches()) {
            throw ItemFields.invalid(field, author, "lower-case letters, digits and '-'");
        }
        return author;
    }

    private static String reference(String value) throws Rejection {
        String reference = required("reference", value);
        if (!REFERENCE.matcher(reference).matches()) {
            throw ItemFields.invalid("reference", reference, "letters, digits and . _ / -, at most 128");
        }
        return reference;
    }

    private static Marking marking(String value, Markings markings) throws Rejection {
        try {
            return markings.read(required("classification", value));
        } catch (IllegalArgumentException e) {
            throw new Rejection(RejectReason.INVALID_FIELD, "classification: " + e.getMessage());
        }
    }

    /**
     * What a message's marking claims, whether or not the message can be read: for keeping refused input
     * at the level it said it was. The strictest of its {@code classification} statements
     * ({@link Markings#claimed}); {@link Markings#undetermined()} when there is none or the text cannot be
     * split into fields.
     */
    public Marking claimed(String text, Markings markings) {
        List<String> statements;
        try {
            statements = fields(text).getOrDefault("classification", List.of());
        } catch (Rejection | RuntimeException unreadable) {
            return markings.undetermined();
        }
        if (statements.isEmpty()) {
            return markings.undetermined();
        }
        Marking claimed = markings.claimed(statements.get(0));
        for (String other : statements.subList(1, statements.size())) {
            claimed = claimed.max(markings.claimed(other));
        }
        return claimed;
    }

    private static String language(String value) throws Rejection {
        if (value == null || value.isBlank()) {
            return null;
        }
        String language = value.trim().toLowerCase(Locale.ROOT);
        if (!LANGUAGE.matcher(language).matches()) {
            throw ItemFields.invalid("language", language, "an ISO 639-1 code such as nl, en or fr");
        }
        return language;
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

    private static String required(String key, String value) throws Rejection {
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
