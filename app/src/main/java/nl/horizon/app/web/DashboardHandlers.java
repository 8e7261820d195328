package nl.horizon.app.web;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.util.regex.Matcher;

/** The dashboard's pages and files, and the live updates its pages listen to. */
public final class DashboardHandlers {

    /** Where the live updates are audited: the route's template. */
    static final String EVENTS = "/api/events";

    private final Dashboard dashboard;
    private final LiveUpdates live;
    private final AuditTrail audit;

    public DashboardHandlers(Dashboard dashboard, LiveUpdates live, AuditTrail audit) {
        this.dashboard = dashboard;
        this.live = live;
        this.audit = audit;
    }

    void index(HttpExchange exchange, Caller caller, Matcher path) throws IOException {
        dashboard.page(exchange, "index.html");
    }

    void login(HttpExchange exchange, Caller caller, Matcher path) throws IOException {
        dashboard.page(exchange, "login.html");
    }

    void asset(HttpExchange exchange, Caller caller, Matcher path) throws IOException {
        dashboard.asset(exchange, path.group(1));
    }

    /** Live updates; the stream is audited when it opens, with the caller and where it connects from. */
    void events(HttpExchange exchange, Caller caller, Matcher path) throws IOException {
        live.stream(exchange, caller, () -> audit.record(exchange, caller, EVENTS, 200));
    }
}
