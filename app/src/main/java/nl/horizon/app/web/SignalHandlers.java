package nl.horizon.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import nl.horizon.app.views.SignalPage;
import nl.horizon.schema.Classification;
import nl.horizon.schema.Json;
import nl.horizon.schema.Signal;
import nl.horizon.schema.TriageDecision;

import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;

/** A signal's page, its CAP alert, and an analyst's triage decision on it. */
public final class SignalHandlers {

    private static final int TRIAGE_BYTES = 8192;

    /** A signal's page: the signal with the evidence and decisions a clearance may see. */
    @FunctionalInterface
    public interface SignalPages {
        Optional<SignalPage> signal(String id, Classification clearance) throws IOException;
    }

    /** A signal's record as published, if a clearance may see it. */
    @FunctionalInterface
    public interface SignalRecords {
        Optional<Signal> signalRecord(String id, Classification clearance) throws IOException;
    }

    /** Records an analyst's decision on a signal. */
    @FunctionalInterface
    public interface Triage {
        TriageDecision decide(Signal signal, String outcome, String reason, Caller analyst) throws IOException;
    }

    private final SignalPages pages;
    private final SignalRecords records;
    private final Triage triage;
    private final CapAlerts capAlerts;

    public SignalHandlers(SignalPages pages, SignalRecords records, Triage triage, CapAlerts capAlerts) {
        this.pages = pages;
        this.records = records;
        this.triage = triage;
        this.capAlerts = capAlerts;
    }

    /** A signal with the evidence the caller may read and its triage history. */
    void signal(HttpExchange exchange, Caller caller, Matcher path) throws IOException {
        Optional<SignalPage> page = signalPage(exchange, caller, path);
        if (page.isPresent()) {
            Http.json(exchange, 200, page.get());
        }
    }

    void cap(HttpExchange exchange, Caller caller, Matcher path) throws IOException {
        Optional<SignalPage> page = signalPage(exchange, caller, path);
        if (page.isPresent()) {
            Http.text(exchange, 200, "application/cap+xml", capAlerts.alert(page.get().signal().signal()));
        }
    }

    /** The signal the path names, or empty after answering 404 when it does not exist or the caller may not see it. */
    private Optional<SignalPage> signalPage(HttpExchange exchange, Caller caller, Matcher path)
            throws IOException {
        String id = Http.segment(path.group(1));
        Optional<SignalPage> page = pages.signal(id, caller.clearance());
        if (page.isEmpty()) {
            Http.error(exchange, 404, "not_found", "no signal '" + id + "' that you may see");
        }
        return page;
    }

    /** Records an analyst's decision: {"outcome": "dismissed", "reason": "..."}. */
    void triage(HttpExchange exchange, Caller caller, Matcher path) throws IOException {
        String id = Http.segment(path.group(1));
        Optional<byte[]> body = Http.body(exchange, TRIAGE_BYTES);
        if (body.isEmpty()) {
            return;
        }
        Optional<Signal> signal = records.signalRecord(id, caller.clearance());
        if (signal.isEmpty()) {
            Http.error(exchange, 404, "not_found", "no signal '" + id + "' that you may see");
            return;
        }
        JsonNode request;
        try {
            request = Json.mapper().readTree(body.get());
        } catch (IOException e) {
            Http.error(exchange, 400, "malformed", "send {\"outcome\": \"acknowledged|escalated|dismissed\", "
                    + "\"reason\": \"...\"} as JSON");
            return;
        }
        try {
            Http.json(exchange, 201, triage.decide(signal.get(), request.path("outcome").asText(""),
                    request.path("reason").asText(""), caller));
        } catch (IllegalArgumentException e) {
            Http.error(exchange, 400, "invalid_field", e.getMessage());
        } catch (IOException e) {
            Http.error(exchange, 503, "unavailable", "the decision could not be stored; try again");
        }
    }
}
