package nl.horizon.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import nl.horizon.schema.Classification;
import nl.horizon.schema.DeadLetter;
import nl.horizon.schema.Json;
import nl.horizon.schema.Marking;
import nl.horizon.schema.Markings;
import nl.horizon.schema.RejectReason;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The markings posts write, on a running Horizon (real broker, Connect worker, index and HTTP; issue 15,
 * items 1 and 9): a report whose markings disagree is refused through push and the drop folder alike; a
 * refused marking leaves a dead letter, on the topic and in {@code rejected/}, marked with what it claimed;
 * an accepted marking means what {@code docs/formats.md} says, never less.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IncomingMarkingsTest {

    private static final String CABLE = """
            POST: bamako
            REFERENCE: %s
            DATE: 2026-11-17
            CLASSIFICATION: %s
            COUNTRY: NER
            LANGUAGE: en
            SUBJECT: A convoy seen near %s

            Herders near %s saw a convoy of pick-ups heading north before dawn.
            """;
    private static final String JSON = """
            {"post": "bamako", "reference": "%s", "date": "2026-11-17", "classification": "%s",
             "countries": ["NER"], "subject": "A convoy seen near %s",
             "body": "Herders near %s saw a convoy of pick-ups heading north before dawn."%s}
            """;

    private DemoPipeline pipeline;
    private String topSecretReader;

    @BeforeAll
    void start() throws Exception {
        pipeline = DemoPipeline.get();
        topSecretReader = pipeline.personToken("z.geheim", List.of("viewer"), "top-secret", "horizon",
                Instant.now().plusSeconds(1800));
    }

    @Test
    void conflictingMarkingsAreRefusedThroughPushAndTheDropFolderAndNeverFiled() throws Exception {
        String word = "Tadoumbarak";
        String conflict = "SECRET\nRUBRICERING: Openbaar";
        String twice = ", \"classification\": \"public\"";
        HttpResponse<String> cable = push("text/plain; charset=utf-8",
                CABLE.formatted("BAM-CONFLICT-PUSH-CABLE", conflict, word, word));
        assertThat(cable.statusCode()).isEqualTo(400);
        assertThat(cable.body()).contains("\"error\":\"conflicting-field\"").contains("'SECRET' and 'Openbaar'");
        HttpResponse<String> json = push("application/json",
                JSON.formatted("BAM-CONFLICT-PUSH-JSON", "secret", word, word, twice));
        assertThat(json.statusCode()).isEqualTo(400);
        assertThat(json.body()).contains("\"error\":\"conflicting-field\"").contains("key 'classification'");
        pipeline.dropPost("conflict-cable.txt", CABLE.formatted("BAM-CONFLICT-DROP-CABLE", conflict, word, word));
        pipeline.dropPost("conflict-json.json", JSON.formatted("BAM-CONFLICT-DROP-JSON", "secret", word, word, twice));

        List<DeadLetter> letters = pipeline.deadLetters(d -> d.payload().contains("BAM-CONFLICT-"), 4);
        assertThat(letters).allSatisfy(d -> assertThat(d.reason()).isEqualTo(RejectReason.CONFLICTING_FIELD));
        Marking unread = Markings.standard().undetermined();
        assertThat(letter(letters, "BAM-CONFLICT-PUSH-CABLE").classification()).isEqualTo(Classification.SECRET);
        assertThat(letter(letters, "BAM-CONFLICT-PUSH-JSON").marking()).as("unreadable: the top").isEqualTo(unread);
        DeadLetter droppedCable = letter(letters, "BAM-CONFLICT-DROP-CABLE");
        assertThat(droppedCable.stage()).startsWith("connector:drop-folder");
        assertThat(droppedCable.classification()).as("never lower than it said").isEqualTo(Classification.SECRET);
        assertThat(letter(letters, "BAM-CONFLICT-DROP-JSON").marking()).isEqualTo(unread);
        awaitRejected("secret/conflict-cable.txt");
        awaitRejected(unread.label() + "/conflict-json.json");

        for (String reader : List.of(DemoPipeline.VIEWER, DemoPipeline.ANALYST, topSecretReader)) {
            assertThat(pipeline.get("/api/search?q=" + word, reader).body()).contains("\"total\":0");
        }
    }

    @Test
    void aRefusedTopSecretCableIsADeadLetterMarkedTopSecretOnTheTopicAndInRejected() throws Exception {
        String word = "Inates";
        String relTo = "TOP SECRET//REL TO USA, NLD";
        HttpResponse<String> pushed = push("text/plain; charset=utf-8",
                CABLE.formatted("BAM-RELTO-PUSH", relTo, word, word));
        assertThat(pushed.statusCode()).isEqualTo(400);
        assertThat(pushed.body()).contains("\"error\":\"invalid-field\"").contains("REL TO").contains("is refused");
        pipeline.dropPost("relto-cable.txt", CABLE.formatted("BAM-RELTO-DROP", relTo, word, word));

        List<DeadLetter> letters = pipeline.deadLetters(d -> d.payload().contains("BAM-RELTO-"), 2);
        assertThat(letters).isNotEmpty().allSatisfy(d -> {
            assertThat(d.reason()).isEqualTo(RejectReason.INVALID_FIELD);
            assertThat(d.detail()).contains("REL TO");
            assertThat(d.marking()).isEqualTo(new Marking(Classification.TOP_SECRET, List.of()));
        });
        assertThat(letter(letters, "BAM-RELTO-PUSH").stage()).isEqualTo("push:post");
        assertThat(letter(letters, "BAM-RELTO-DROP").stage()).startsWith("connector:drop-folder");
        awaitRejected("top-secret/relto-cable.txt");
        assertThat(pipeline.get("/api/search?q=" + word, topSecretReader).body()).contains("\"total\":0");
    }

    @Test
    void limitedOfficialUseIsDepartmentalConfidentialAndTopSecretIsForTopSecretReadersOnly() throws Exception {
        String limited = "Ayorou";
        assertThat(push("application/json", JSON.formatted("BAM-LOU-1", "LIMITED OFFICIAL USE", limited, limited, ""))
                .statusCode()).isEqualTo(202);
        String depV = pipeline.personToken("d.vertrouwelijk", List.of("viewer"), "departmental-confidential",
                "horizon", Instant.now().plusSeconds(600));
        assertThat(onlyHit(limited, depV).path("classification").asText()).isEqualTo("departmental-confidential");
        assertThat(pipeline.get("/api/search?q=" + limited, DemoPipeline.VIEWER).body()).contains("\"total\":0");

        String top = "Tillaberi";
        assertThat(push("text/plain; charset=utf-8", CABLE.formatted("BAM-TS-1", "TOP SECRET", top, top))
                .statusCode()).isEqualTo(202);
        assertThat(onlyHit(top, topSecretReader).path("classification").asText()).isEqualTo("top-secret");
        assertThat(pipeline.get("/api/search?q=" + DemoPipeline.encode(top), DemoPipeline.ANALYST).body())
                .as("secret is below top-secret").contains("\"total\":0");
    }

    private HttpResponse<String> push(String contentType, String body) throws Exception {
        return pipeline.send("POST", "/api/ingest/posts", DemoPipeline.POST, contentType, body, Map.of());
    }

    /** The one report a search finds for the reader, once indexed. */
    private JsonNode onlyHit(String word, String reader) throws Exception {
        JsonNode found = pipeline.await("/api/search?q=" + DemoPipeline.encode(word), reader, Duration.ofSeconds(60),
                n -> n.path("total").asInt() > 0);
        assertThat(found.path("total").asInt()).isEqualTo(1);
        return found.path("hits").get(0).path("document");
    }

    private static DeadLetter letter(List<DeadLetter> letters, String reference) {
        return letters.stream().filter(d -> d.payload().contains(reference)).max(Comparator.comparing(
                DeadLetter::rejectedAt)).orElseThrow(() -> new AssertionError("no dead letter of " + reference));
    }

    /** Waits for a refused file under {@code rejected/}: it is moved there once its dead letter is stored. */
    private void awaitRejected(String relative) throws Exception {
        Path file = pipeline.dataDir.resolve("inbox/posts/rejected").resolve(relative);
        Instant deadline = Instant.now().plusSeconds(30);
        while (!Files.exists(file) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(file).exists();
    }
}
