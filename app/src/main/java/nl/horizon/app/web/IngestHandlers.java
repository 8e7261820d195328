package nl.horizon.app.web;

import com.sun.net.httpserver.HttpExchange;
import nl.horizon.ingest.push.PushOutcome;
import nl.horizon.schema.Identity;
import nl.horizon.schema.SourceKind;

import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;

/** Posts and partners pushing reports, each only as itself. */
public final class IngestHandlers {

    /** Takes one pushed report and says what became of it. */
    @FunctionalInterface
    public interface Push {
        PushOutcome accept(SourceKind kind, String caller, String contentType, byte[] body, int maxBytes);
    }

    private final Push push;
    private final int maxItemBytes;

    public IngestHandlers(Push push, int maxItemBytes) {
        this.push = push;
        this.maxItemBytes = maxItemBytes;
    }

    void post(HttpExchange exchange, Caller caller, Matcher path) throws IOException {
        push(exchange, caller, SourceKind.POST);
    }

    void partner(HttpExchange exchange, Caller caller, Matcher path) throws IOException {
        if (!caller.id().equals(Identity.account(path.group(1)).id())) {
            Http.error(exchange, 403, "forbidden", "partner '" + caller.name() + "' may write only as itself, not as '"
                    + path.group(1) + "'");
            return;
        }
        push(exchange, caller, SourceKind.PARTNER);
    }

    private void push(HttpExchange exchange, Caller caller, SourceKind kind) throws IOException {
        int max = maxItemBytes;
        Optional<byte[]> body = Http.body(exchange, max);
        if (body.isEmpty()) {
            return;
        }
        PushOutcome outcome = push.accept(kind, caller.name(),
                exchange.getRequestHeaders().getFirst("Content-Type"), body.get(), max);
        Http.json(exchange, outcome.status(), outcome.body());
    }
}
