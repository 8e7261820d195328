package nl.horizon.ingest.feed;

import nl.horizon.formats.ItemText;
import nl.horizon.formats.Rejection;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * Fetches a feed document with a conditional GET (ETag, Last-Modified) so an unchanged feed costs one
 * small 304, and reads at most the configured number of bytes, so an endless or huge answer cannot
 * exhaust memory. It asks for gzip ({@code Accept-Encoding: gzip}): feeds are text that compresses
 * several times over, and some servers answer only compressed.
 */
final class FeedFetcher {

    /**
     * A fetched document.
     *
     * @param status       the HTTP status
     * @param body         the body (empty for 304)
     * @param etag         the validator to send next time, if any
     * @param lastModified the Last-Modified to send next time, if any
     */
    record Fetched(int status, byte[] body, Optional<String> etag, Optional<String> lastModified) {
    }

    private final HttpClient client;
    private final Duration timeout;
    private final int maxBytes;
    private final Optional<String> token;

    /**
     * @param token a bearer token to send, if any; then redirects are not followed (a 3xx is a failure), since
     *              the JDK's client would send the token on to wherever a redirect points
     */
    FeedFetcher(Duration timeout, int maxBytes, Optional<String> token) {
        this.client = HttpClient.newBuilder().connectTimeout(timeout)
                .followRedirects(token.isPresent() ? HttpClient.Redirect.NEVER : HttpClient.Redirect.NORMAL).build();
        this.timeout = timeout;
        this.maxBytes = maxBytes;
        this.token = token;
    }

    /**
     * GETs {@code uri}.
     *
     * @throws IOException when the source cannot be reached or the answer breaks off
     * @throws Rejection   {@code oversized} when the body is larger than the limit
     */
    Fetched get(URI uri, Optional<String> etag, Optional<String> lastModified)
            throws IOException, InterruptedException, Rejection {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).GET()
                .header("Accept", "application/rss+xml, application/atom+xml, application/cap+xml, application/json, application/xml;q=0.9, */*;q=0.5")
                .header("Accept-Encoding", "gzip")
                .header("User-Agent", "Horizon early-warning pipeline");
        token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
        etag.ifPresent(e -> request.header("If-None-Match", e));
        lastModified.ifPresent(m -> request.header("If-Modified-Since", m));
        HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        byte[] body;
        try (InputStream in = decoded(response)) {
            body = in.readNBytes(maxBytes + 1);
        }
        ItemText.checkSize(body.length, maxBytes);
        return new Fetched(response.statusCode(), body, response.headers().firstValue("ETag"),
                response.headers().firstValue("Last-Modified"));
    }

    /**
     * The body as the source meant it: gunzipped when it came gzip-encoded. The size limit counts the
     * decoded bytes, so a small compressed answer that inflates without end is still cut off. Only a 2xx
     * body is a document; a 304 or an error page is left as it came (possibly empty despite its headers).
     *
     * @throws IOException for an encoding that was not asked for, or a broken gzip stream
     */
    private static InputStream decoded(HttpResponse<InputStream> response) throws IOException {
        String encoding = response.headers().firstValue("Content-Encoding").orElse("identity").trim()
                .toLowerCase(Locale.ROOT);
        InputStream body = response.body();
        if (response.statusCode() / 100 != 2) {
            return body;
        }
        return switch (encoding) {
            case "identity", "" -> body;
            case "gzip", "x-gzip" -> gunzip(body);
            default -> {
                body.close();
                throw new IOException("answer in Content-Encoding '" + encoding + "', which was not asked for");
            }
        };
    }

    private static InputStream gunzip(InputStream body) throws IOException {
        try {
            return new GZIPInputStream(body);
        } catch (IOException e) {
            body.close();
            throw e;
        }
    }
}
