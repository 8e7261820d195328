package nl.horizon.app.web;

import com.sun.net.httpserver.HttpExchange;
import nl.horizon.schema.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What every handler needs of an exchange: parameters read strictly (a bad one is a 400 that names it),
 * bodies read no further than a limit, and answers written whole with their length. Errors are JSON
 * with a code and a reason.
 */
public final class Http {

    private Http() {
    }

    /**
     * A request that cannot be read at all, such as a malformed percent-escape: answered 400 with the message
     * by whoever meets it, or by the server when a handler does not catch it, never a 500.
     */
    public static final class MalformedRequestException extends IllegalArgumentException {

        MalformedRequestException(String message) {
            super(message);
        }
    }

    /** The query string's parameters; a repeated name keeps every value. */
    public static Map<String, List<String>> query(HttpExchange exchange) {
        return form(exchange.getRequestURI().getRawQuery());
    }

    /**
     * Parameters of a query string or an {@code application/x-www-form-urlencoded} body.
     *
     * @throws MalformedRequestException at a malformed percent-escape
     */
    public static Map<String, List<String>> form(String raw) {
        Map<String, List<String>> params = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return params;
    }

    /**
     * A path segment as sent ({@link java.net.URI#getRawPath()}), decoded once. The decoded path
     * ({@code getPath()}) cannot be split or decoded again: an id holding {@code %} or {@code +} would come out
     * as something else, or not at all. A {@code +} in a path is itself, not a space.
     *
     * @throws MalformedRequestException at a malformed percent-escape
     */
    public static String segment(String raw) {
        return decode(raw.replace("+", "%2B"), raw);
    }

    private static String decode(String encoded) {
        return decode(encoded, encoded);
    }

    private static String decode(String encoded, String asSent) {
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new MalformedRequestException("'" + asSent + "' has a malformed percent-escape: write '%' as %25");
        }
    }

    /** The first value of a parameter, or empty text. */
    public static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? "" : values.get(0);
    }

    /** A repeatable or comma-separated parameter. */
    public static Set<String> set(Map<String, List<String>> params, String name) {
        Set<String> values = new LinkedHashSet<>();
        for (String value : params.getOrDefault(name, List.of())) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    values.add(part.trim());
                }
            }
        }
        return values;
    }

    /**
     * A date ({@code 2012-01-17}, the start of that day in UTC) or an ISO-8601 instant; null when absent.
     *
     * @throws IllegalArgumentException naming the parameter
     */
    public static Instant instant(Map<String, List<String>> params, String name) {
        String value = first(params, name);
        if (value.isBlank()) {
            return null;
        }
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("parameter '" + name + "' must be a date (2012-01-17) or an ISO-8601 "
                    + "instant, not '" + value + "'");
        }
    }

    /**
     * A date parameter; null when absent.
     *
     * @throws IllegalArgumentException naming the parameter
     */
    public static LocalDate date(Map<String, List<String>> params, String name) {
        Instant instant = instant(params, name);
        return instant == null ? null : LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    /**
     * A whole-number parameter within bounds, or {@code dflt} when absent.
     *
     * @throws IllegalArgumentException naming the parameter and its bounds
     */
    public static int intParam(Map<String, List<String>> params, String name, int dflt, int min, int max) {
        String value = first(params, name);
        if (value.isBlank()) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("parameter '" + name + "' must be a whole number from " + min + " to "
                    + max);
        }
    }

    /**
     * The request body, read no further than {@code max} bytes: a declared or actual larger body is answered
     * 413 without being read (and empty is returned).
     */
    public static Optional<byte[]> body(HttpExchange exchange, int max) throws IOException {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > max) {
            error(exchange, 413, "oversized", length + " bytes is over the limit of " + max + " bytes");
            return Optional.empty();
        }
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(max + 1);
        }
        if (body.length > max) {
            error(exchange, 413, "oversized", "the body is over the limit of " + max + " bytes");
            return Optional.empty();
        }
        return Optional.of(body);
    }

    /** Answers {@code {"error": code, "message": message}}. */
    public static void error(HttpExchange exchange, int status, String code, String message) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("message", message);
        json(exchange, status, body);
    }

    /** Answers a value as JSON. */
    public static void json(HttpExchange exchange, int status, Object body) throws IOException {
        send(exchange, status, "application/json; charset=utf-8", Json.mapper().writeValueAsBytes(body));
    }

    /** Answers text of a media type, in UTF-8. */
    public static void text(HttpExchange exchange, int status, String mediaType, String body) throws IOException {
        send(exchange, status, mediaType + "; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
    }

    /** Answers bytes of a content type. */
    public static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Sends the browser elsewhere after a form post or to the login page ({@code 303 See Other}). */
    public static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(303, -1);
    }
}
