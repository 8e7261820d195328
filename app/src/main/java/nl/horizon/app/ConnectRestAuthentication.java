package nl.horizon.app;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import nl.horizon.app.web.SecretFile;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.rest.ConnectRestExtension;
import org.apache.kafka.connect.rest.ConnectRestExtensionContext;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Map;

/**
 * Closes the embedded Connect worker's REST API to anyone without its credential. Whoever may call that
 * API can pause, delete or create connectors, which would bypass push-ingest authentication and the
 * audit trail; a loopback address keeps out other machines but not other processes or users on this
 * one. Every request must carry {@code Authorization: Bearer <secret>}, the secret being the content of
 * the owner-only file named by {@value #SECRET_FILE} (made on first use, one per data directory);
 * anything else is a 401 before Connect sees the request.
 *
 * <p>Registered through {@code rest.extension.classes}, Kafka Connect's own extension point, which
 * installs the filter together with Connect's resources, so no request is ever served without it.
 */
public final class ConnectRestAuthentication implements ConnectRestExtension {

    /** Worker setting: the file holding the secret. */
    public static final String SECRET_FILE = "horizon.rest.secret.file";

    private static final ConfigDef DEFINITION = new ConfigDef()
            .define(SECRET_FILE, ConfigDef.Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(),
                    ConfigDef.Importance.HIGH, "File with the bearer secret every REST request must carry; "
                            + "made, readable by its owner only, when missing.");

    private byte[] expected;

    @Override
    public void configure(Map<String, ?> configs) {
        Path file = Path.of(new AbstractConfig(DEFINITION, configs, false).getString(SECRET_FILE));
        try {
            expected = ("Bearer " + SecretFile.readOrCreate(file)).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(SECRET_FILE, file.toString(), "cannot read or create it: " + e.getMessage());
        }
    }

    @Override
    public void register(ConnectRestExtensionContext context) {
        context.configurable().register(new BearerCheck(expected));
    }

    @Override
    public ConfigDef config() {
        return DEFINITION;
    }

    @Override
    public String version() {
        String version = getClass().getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    @Override
    public void close() {
        // holds nothing
    }

    /** Refuses a request whose {@code Authorization} header is not the expected one (compared in constant time). */
    public static final class BearerCheck implements ContainerRequestFilter {

        private final byte[] expected;

        BearerCheck(byte[] expected) {
            this.expected = expected;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            String given = request.getHeaderString(HttpHeaders.AUTHORIZATION);
            if (given == null || !MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8))) {
                request.abortWith(Response.status(Response.Status.UNAUTHORIZED)
                        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"horizon-connect\"").build());
            }
        }
    }
}
