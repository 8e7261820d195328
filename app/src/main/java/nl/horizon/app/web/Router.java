package nl.horizon.app.web;

import java.util.List;
import java.util.regex.Matcher;

/**
 * Finds the route for a method and a path as sent. Routes are tried in order and a path may match
 * several templates ({@code /api/signals/{id}} and {@code /api/signals/{id}/cap} do not overlap, since a
 * parameter is one segment): the first whose method matches serves it.
 */
public final class Router {

    /** What a request comes to. */
    public sealed interface Outcome {
    }

    /** A route serves it; {@code path} holds its parameters as groups. */
    public record Found(Route route, Matcher path) implements Outcome {
    }

    /** Some route serves the path, none with this method: a 405. */
    public record MethodNotAllowed() implements Outcome {
    }

    /** No route serves the path: a 404. */
    public record NotFound() implements Outcome {
    }

    private final List<Route> routes;

    public Router(List<Route> routes) {
        List<String> operations = routes.stream().map(Route::operation).toList();
        if (operations.stream().distinct().count() != operations.size()) {
            throw new IllegalArgumentException("an operation is routed twice: " + operations);
        }
        this.routes = List.copyOf(routes);
    }

    /** Every route, in the order they are tried. */
    public List<Route> routes() {
        return routes;
    }

    public Outcome match(String method, String path) {
        boolean pathKnown = false;
        for (Route route : routes) {
            Matcher matcher = route.pattern().matcher(path);
            if (matcher.matches()) {
                pathKnown = true;
                if (route.method().equals(method)) {
                    return new Found(route, matcher);
                }
            }
        }
        return pathKnown ? new MethodNotAllowed() : new NotFound();
    }
}
