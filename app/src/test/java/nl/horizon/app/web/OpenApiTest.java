package nl.horizon.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import nl.horizon.schema.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docs/openapi.yaml} read by a real OpenAPI parser: it parses without a message, every operation has
 * an operationId and a schema for every answer with a body, its operations are exactly the router's routes,
 * and real answers validate against their schemas. {@code EndToEndTest} also sends each documented
 * operation to a whole running Horizon.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiTest {

    private static final Path FILE = Path.of(System.getProperty("horizon.root", "..")).resolve("docs/openapi.yaml");
    private InMemoryWeb web;
    private OpenAPI api;
    private JsonNode spec;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        web = InMemoryWeb.start(dir, () -> "");
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(Files.readString(FILE), null, options);
        assertThat(parsed.getMessages()).as("what the parser says of %s", FILE).isEmpty();
        api = parsed.getOpenAPI();
        spec = new ObjectMapper(new YAMLFactory()).readTree(FILE.toFile());
    }

    @AfterAll
    void stop() {
        web.close();
    }

    @Test
    void theFileDescribesExactlyTheRoutesTheRouterServes() {
        List<String> documented = new ArrayList<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().keySet().forEach(
                method -> documented.add(method.name() + " " + path)));
        assertThat(documented).containsExactlyInAnyOrderElementsOf(web.api.routes());
    }

    /**
     * A comma in an unquoted description inside a flow mapping ({@code {type: string, description: a, b}})
     * splits it into a key {@code b} without a value: the parser accepts it silently, Redocly's linter does not.
     */
    @Test
    void noDescriptionIsSplitIntoKeysWithoutValues() {
        List<String> split = new ArrayList<>();
        collectKeysWithoutValues(spec, "#", split);
        assertThat(split).as("keys without a value (quote the description they came from)").isEmpty();
    }

    private static void collectKeysWithoutValues(JsonNode node, String at, List<String> found) {
        node.properties().forEach(field -> {
            if (field.getValue().isNull() && field.getKey().contains(" ")) {
                found.add(at + "/" + field.getKey());
            }
            collectKeysWithoutValues(field.getValue(), at + "/" + field.getKey(), found);
        });
        if (node.isArray()) {
            node.forEach(item -> collectKeysWithoutValues(item, at + "[]", found));
        }
    }

    @Test
    void everyOperationHasAnIdAndASchemaForEveryAnswerWithABody() {
        List<String> ids = new ArrayList<>();
        for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> operation : path.getValue().readOperationsMap().entrySet()) {
                String name = operation.getKey() + " " + path.getKey();
                assertThat(operation.getValue().getOperationId()).as("%s has an operationId", name).isNotBlank();
                ids.add(operation.getValue().getOperationId());
                assertThat(operation.getValue().getResponses()).as(name).isNotEmpty();
                for (Map.Entry<String, ApiResponse> entry : operation.getValue().getResponses().entrySet()) {
                    String status = entry.getKey();
                    ApiResponse response = resolved(entry.getValue());
                    if (status.equals("204") || status.startsWith("3")) {
                        continue;
                    }
                    assertThat(response.getContent()).as("%s %s has content", name, status).isNotEmpty();
                    for (Map.Entry<String, MediaType> media : response.getContent().entrySet()) {
                        assertThat(media.getValue().getSchema()).as("%s %s %s has a schema", name, status,
                                media.getKey()).isNotNull();
                    }
                    // an error is an Error, but for readiness's 503, which is the health that is not all up
                    if (status.startsWith("4") || status.startsWith("5") && !name.equals("GET /health")) {
                        assertThat(response.getContent()).as("%s %s is an Error", name, status)
                                .containsOnlyKeys("application/json");
                        assertThat(response.getContent().get("application/json").getSchema().get$ref())
                                .isEqualTo("#/components/schemas/Error");
                    }
                }
                if (!name.startsWith("GET /assets") && !name.contains("/login") && !name.startsWith("GET /health")) {
                    assertThat(operation.getValue().getResponses()).as("%s answers a stranger 401", name)
                            .containsKey("401");
                }
            }
        }
        assertThat(ids).doesNotHaveDuplicates();
    }

    /** A response, or the shared one it refers to. */
    private ApiResponse resolved(ApiResponse response) {
        String ref = response.get$ref();
        return ref == null ? response
                : api.getComponents().getResponses().get(ref.substring(ref.lastIndexOf('/') + 1));
    }

    @Test
    void realAnswersValidateAgainstTheirSchemas() throws Exception {
        String signal = "/api/signals/" + URLEncoder.encode(InMemoryWeb.MALI.id(), StandardCharsets.UTF_8);
        assertValid(web.get(signal, InMemoryWeb.VIEWER), "SignalPage");
        assertValid(web.get("/api/me", InMemoryWeb.ANALYST), "Me");
        assertValid(web.get("/api/overview?since=2012-01-01", InMemoryWeb.VIEWER), "Overview");
        assertValid(web.get("/api/briefing?format=json&from=2012-01-01&to=2012-01-31", InMemoryWeb.VIEWER),
                "Briefing");
        assertValid(web.get("/health", null), "Health");
        assertValid(web.get("/health/live", null), "Live");
        assertValid(web.get("/api/subscriptions", InMemoryWeb.ANALYST), "Subscriptions");
        assertValid(web.send("POST", "/api/feed-tokens", InMemoryWeb.VIEWER, Map.of()), "IssuedFeedToken");
        assertValid(web.get("/api/feed-tokens", InMemoryWeb.VIEWER), "FeedTokens");
        assertValid(web.send("POST", signal + "/triage", InMemoryWeb.ANALYST, Map.of()), "TriageDecision");
        assertValid(web.get("/api/signals/nothing", InMemoryWeb.VIEWER), "Error");
        assertValid(web.get("/api/search?level=red", InMemoryWeb.VIEWER), "Error");
        assertValid(web.get("/api/search", null), "Error");
        assertValid(web.get("/api/matches", InMemoryWeb.VIEWER), "Error");
        assertThat(problems(web.get("/api/me", InMemoryWeb.ANALYST), "SignalPage")).as("the check checks").isNotEmpty();
    }

    /** Validates a JSON answer against a component schema, in the file's own dialect (JSON Schema 2020-12). */
    private void assertValid(HttpResponse<String> response, String component) throws Exception {
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(problems(response, component)).as("%s as %s: %s", response.uri().getPath(), component,
                response.body()).isEmpty();
    }

    private java.util.Set<com.networknt.schema.ValidationMessage> problems(HttpResponse<String> response,
                                                                          String component) throws Exception {
        ObjectNode schema = spec.deepCopy();
        schema.put("$ref", "#/components/schemas/" + component);
        JsonSchema validator = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema,
                SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
        return validator.validate(Json.mapper().readTree(response.body()));
    }
}
