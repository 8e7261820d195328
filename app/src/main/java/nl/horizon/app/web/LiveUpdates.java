package nl.horizon.app.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.sun.net.httpserver.HttpExchange;
import io.micrometer.core.instrument.Metrics;
import nl.horizon.index.HorizonIndexer;
import nl.horizon.schema.Classification;
import nl.horizon.schema.Json;
import nl.horizon.schema.Signal;
import nl.horizon.schema.TriageDecision;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Server-sent events for open dashboards: each signal and triage decision, once searchable, goes to every
 * connected browser whose user may see it. A browser that falls {@link #BACKLOG} events behind is
 * disconnected rather than buffered without bound; its {@code EventSource} reconnects by itself and the
 * page reloads what it shows.
 */
public final class LiveUpdates implements HorizonIndexer.IndexListener, AutoCloseable {

    static final int BACKLOG = 256;
    private static final long KEEP_ALIVE_S = 15;
    private static final String CLOSE = "";

    /** A signal as pushed: the record as stored, with its headline beside its fields. */
    record SignalNotice(@JsonUnwrapped Signal signal, String headline) {
    }

    private record Client(Classification clearance, BlockingQueue<String> frames) {
    }

    private final Set<Client> clients = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    public LiveUpdates() {
        Metrics.gauge("horizon.http.live.clients", clients, Set::size);
    }

    @Override
    public void indexed(Object record) {
        switch (record) {
            case Signal s when s.historical() -> {
                // a back-fill of days long past is recorded and searchable, but it is not news for open dashboards
            }
            case Signal s -> publish("signal", new SignalNotice(s, s.headline()), s.classification());
            case TriageDecision t -> publish("triage", t, t.classification());
            default -> {
                // reports and risk points are not pushed: the signals they lead to are
            }
        }
    }

    private void publish(String event, Object value, Classification classification) {
        String frame;
        try {
            frame = "event: " + event + "\ndata: " + Json.mapper().writeValueAsString(value) + "\n\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a record does not serialise", e);
        }
        for (Client client : clients) {
            if (classification.visibleTo(client.clearance()) && !client.frames().offer(frame)) {
                Metrics.counter("horizon.http.live.dropped").increment();
                client.frames().clear();
                client.frames().offer(CLOSE);
            }
        }
    }

    /**
     * Holds the exchange open and writes events to it until the browser leaves or the server stops.
     *
     * @param opened told once the stream is open, before any event is written: the stream may last for hours,
     *               and what opened it must be on record from the start
     */
    public void stream(HttpExchange exchange, Caller caller, Runnable opened) throws IOException {
        Client client = new Client(caller.clearance(), new ArrayBlockingQueue<>(BACKLOG));
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.sendResponseHeaders(200, 0);
        opened.run();
        clients.add(client);
        try (OutputStream out = exchange.getResponseBody()) {
            write(out, ": connected\nretry: 3000\n\n");
            while (!closed) {
                String frame = client.frames().poll(KEEP_ALIVE_S, TimeUnit.SECONDS);
                if (CLOSE.equals(frame)) {
                    return;
                }
                write(out, frame == null ? ": keep-alive\n\n" : frame);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException browserLeft) {
            // the browser closed the page: nothing to do but forget it
        } finally {
            clients.remove(client);
        }
    }

    private static void write(OutputStream out, String frame) throws IOException {
        out.write(frame.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Ends every stream. */
    @Override
    public void close() {
        closed = true;
        clients.forEach(c -> c.frames().offer(CLOSE));
    }
}
