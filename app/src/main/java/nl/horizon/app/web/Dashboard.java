package nl.horizon.app.web;

import com.sun.net.httpserver.HttpExchange;
import org.webjars.WebJarVersionLocator;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;

/**
 * The dashboard's files: its pages and scripts from this jar's {@code web/} folder, and the front-end
 * libraries from their WebJars on the class path (the version is the one Maven resolved; nothing is
 * copied into the repository). The pages hold no data: every number on them comes from the API, under
 * the signed-in user's clearance.
 */
public final class Dashboard {

    /** The libraries served under {@code /assets/lib/}: file name to its WebJar and path inside it. */
    private static final Map<String, String[]> LIBRARIES = Map.of(
            "chart.umd.js", new String[] {"chart.js", "dist/chart.umd.js"},
            "echarts.min.js", new String[] {"echarts", "dist/echarts.min.js"},
            "world.js", new String[] {"echarts", "map/js/world.js"});
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml");
    /** Pages may load their own scripts, styles and API answers, and nothing from anywhere else. */
    static final String PAGE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private final WebJarVersionLocator webJars = new WebJarVersionLocator();

    /** Serves a page of the dashboard ({@code index.html}, {@code login.html}). */
    public void page(HttpExchange exchange, String name) throws IOException {
        exchange.getResponseHeaders().set("Content-Security-Policy", PAGE_POLICY);
        serve(exchange, "web/" + name, name);
    }

    /** Serves {@code /assets/<name>}: the dashboard's own files, or a library under {@code lib/}. */
    public void asset(HttpExchange exchange, String name) throws IOException {
        if (name.startsWith("lib/")) {
            String[] library = LIBRARIES.get(name.substring(4));
            String path = library == null ? null : webJars.fullPath(library[0], library[1]);
            if (path == null) {
                Http.error(exchange, 404, "not_found", "no such library: " + name);
                return;
            }
            serve(exchange, path, name);
            return;
        }
        if (!name.matches("[a-z][a-z0-9-]{0,40}\\.(js|css|svg)")) {
            Http.error(exchange, 404, "not_found", "no such asset: " + name);
            return;
        }
        serve(exchange, "web/assets/" + name, name);
    }

    private static void serve(HttpExchange exchange, String resource, String name) throws IOException {
        Optional<byte[]> bytes = read(resource);
        if (bytes.isEmpty()) {
            Http.error(exchange, 404, "not_found", "no such file: " + name);
            return;
        }
        String extension = name.substring(name.lastIndexOf('.') + 1);
        Http.send(exchange, 200, TYPES.getOrDefault(extension, "application/octet-stream"), bytes.get());
    }

    private static Optional<byte[]> read(String resource) throws IOException {
        try (InputStream in = Dashboard.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        }
    }
}
