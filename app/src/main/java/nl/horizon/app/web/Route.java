package nl.horizon.app.web;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One route: a method, a path template such as {@code /api/signals/{id}/cap}, who may use it and its
 * handler. The template is what the OpenAPI file lists, what metrics and the audit name the route by, and,
 * with each parameter's pattern, what a path must match: a parameter is one path segment as sent,
 * {@code [^/]{1,200}} unless {@link #where} narrows it.
 *
 * @param stream  whether the answer is held open (server-sent events): its handler audits it when it opens,
 *                since the stream may end hours later or never
 * @param success the status it answers when all goes well (200 unless {@link #answering} says otherwise):
 *                its series in the request metrics exists from the start
 */
public record Route(String method, String template, Access access, boolean stream, int success, Handler handler,
                    Map<String, String> parameters, Pattern pattern) {

    private static final Pattern PARAMETER = Pattern.compile("\\{([a-z][a-zA-Z0-9]*)}");
    private static final String SEGMENT = "[^/]{1,200}";

    /** Serves a request the route matched, for the caller the access policy let in. */
    @FunctionalInterface
    public interface Handler {
        /**
         * @param caller who asks; null on an open route
         * @param path   the path matched against the route's pattern: parameter {@code n} is group {@code n},
         *               as sent (a handler decodes what it takes with {@link Http#segment})
         */
        void handle(HttpExchange exchange, Caller caller, Matcher path) throws IOException;
    }

    public Route {
        parameters = Map.copyOf(parameters);
    }

    /** A route whose answer is written at once. */
    public static Route of(String method, String template, Access access, Handler handler) {
        return build(method, template, access, false, 200, handler, Map.of());
    }

    /** A route whose answer is a stream held open, audited by its handler when it opens. */
    public static Route stream(String method, String template, Access access, Handler handler) {
        return build(method, template, access, true, 200, handler, Map.of());
    }

    /** This route answering {@code status} when all goes well. */
    public Route answering(int status) {
        return new Route(method, template, access, stream, status, handler, parameters, pattern);
    }

    /** This route with one parameter limited to a pattern (for one segment: no {@code /} unless meant). */
    public Route where(String parameter, String regex) {
        if (!PARAMETER.matcher(template).results().anyMatch(m -> m.group(1).equals(parameter))) {
            throw new IllegalArgumentException(template + " has no parameter " + parameter);
        }
        Map<String, String> narrowed = new LinkedHashMap<>(parameters);
        narrowed.put(parameter, regex);
        return build(method, template, access, stream, success, handler, narrowed);
    }

    private static Route build(String method, String template, Access access, boolean stream, int success,
                               Handler handler, Map<String, String> parameters) {
        StringBuilder regex = new StringBuilder();
        Matcher m = PARAMETER.matcher(template);
        int at = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(at, m.start())))
                    .append('(').append(parameters.getOrDefault(m.group(1), SEGMENT)).append(')');
            at = m.end();
        }
        regex.append(Pattern.quote(template.substring(at)));
        return new Route(method, template, access, stream, success, handler, parameters,
                Pattern.compile(regex.toString()));
    }

    /** Whether no credentials are needed. */
    public boolean open() {
        return access.open();
    }

    /** Whether the request is audited once answered: not an open route's, nor a stream that opened. */
    public boolean auditedWhenAnswered(int status) {
        return !open() && !(stream && status == 200);
    }

    /** {@code METHOD template}: how the OpenAPI file lists an operation. */
    public String operation() {
        return method + " " + template;
    }
}
