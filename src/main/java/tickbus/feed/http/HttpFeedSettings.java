package tickbus.feed.http;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URISyntaxException;
import tickbus.config.ConfigReader;
import tickbus.event.Prices;
import tickbus.protocol.fixml.FixmlLimits;

/**
 * The {@code settings} slice of a feed with {@code "protocol": "http"}. Every key is read here; units are in the
 * key names.
 *
 * @param followDemand true: polls carry the demanded instruments and a new one gets a snapshot; false: polls ask
 *     for every instrument and demand only selects what is published
 * @param maxRequestLineChars longest request line a poll may have (the server's limit; Vert.x defaults to 4096)
 */
public record HttpFeedSettings(Endpoint endpoint, Timeouts timeouts, long maxResponseBytes, boolean followDemand,
        long maxRetryAfterMillis, int maxRequestLineChars, Normalization normalization, Quarantine quarantine) {

    /** Where the server is: {@code baseUrl} split into its parts. */
    public record Endpoint(boolean ssl, String host, int port, String basePath) {
    }

    /**
     * @param waitMillis how long the server may hold a poll before answering with a heartbeat
     * @param idleTimeoutMillis no byte for this long, beyond {@code waitMillis} before the answer starts or at any
     *     point of its body, fails the poll
     * @param pollTimeoutMillis the total deadline of one request, body included
     * @param connectTimeoutMillis deadline of a TCP connect
     */
    public record Timeouts(long waitMillis, long idleTimeoutMillis, long pollTimeoutMillis, long connectTimeoutMillis) {
    }

    /** How documents become events (see {@code tickbus.normalize.fixml}). */
    public record Normalization(int priceScale, boolean maturityInInstrumentId, int maxInstruments,
            int maxLevelsPerSide) {
    }

    /**
     * @param maxDocumentAttempts a response that fails the same way this many times at one cursor is quarantined
     * @param maxEntries, maxBytes, maxPrefixBytes bounds of the dead-letter log
     */
    public record Quarantine(int maxDocumentAttempts, int maxEntries, long maxBytes, int maxPrefixBytes) {
    }

    public static HttpFeedSettings fromJson(JsonObject json, String path) {
        ConfigReader reader = new ConfigReader(json, path);
        Endpoint endpoint = endpoint(reader);
        Timeouts timeouts = new Timeouts(reader.longValue("waitMillis", 1_000, 0, 600_000),
                reader.longValue("idleTimeoutMillis", 5_000, 10, 600_000),
                reader.longValue("pollTimeoutMillis", 30_000, 10, 3_600_000),
                reader.longValue("connectTimeoutMillis", 5_000, 10, 600_000));
        if (timeouts.pollTimeoutMillis() <= timeouts.waitMillis()) {
            throw reader.error("pollTimeoutMillis", "value=" + timeouts.pollTimeoutMillis()
                    + "; expected more than waitMillis=" + timeouts.waitMillis());
        }
        long maxResponseBytes = reader.longValue("maxResponseBytes", FixmlLimits.DEFAULT_MAX_DOCUMENT_BYTES, 1_024,
                Integer.MAX_VALUE - 1_024);
        boolean followDemand = reader.bool("followDemand", true);
        long maxRetryAfterMillis = reader.longValue("maxRetryAfterMillis", 300_000, 0, 86_400_000);
        int maxRequestLineChars = reader.intValue("maxRequestLineChars", 4_096, 256, 1_048_576);
        Normalization normalization = new Normalization(reader.intValue("priceScale", 8, 0, Prices.MAX_SCALE),
                reader.bool("maturityInInstrumentId", true),
                reader.intValue("maxInstruments", 100_000, 1, 10_000_000),
                reader.intValue("maxLevelsPerSide", 1_000, 1, 100_000));
        ConfigReader quarantineReader = reader.child("quarantine");
        Quarantine quarantine = new Quarantine(quarantineReader.intValue("maxDocumentAttempts", 3, 1, 100),
                quarantineReader.intValue("maxEntries", 64, 1, 100_000),
                quarantineReader.longValue("maxBytes", 4L * 1024 * 1024, 1_024, 1L << 32),
                quarantineReader.intValue("maxPrefixBytes", 64 * 1024, 0, 16 * 1024 * 1024));
        if (quarantine.maxBytes() < quarantine.maxPrefixBytes() + QuarantineLog.ENTRY_OVERHEAD_BYTES) {
            throw quarantineReader.error("maxBytes", "value=" + quarantine.maxBytes()
                    + "; expected at least maxPrefixBytes=" + quarantine.maxPrefixBytes() + " + "
                    + QuarantineLog.ENTRY_OVERHEAD_BYTES + ": one entry must fit");
        }
        quarantineReader.rejectUnknownKeys();
        reader.rejectUnknownKeys();
        return new HttpFeedSettings(endpoint, timeouts, maxResponseBytes, followDemand, maxRetryAfterMillis,
                maxRequestLineChars, normalization, quarantine);
    }

    private static Endpoint endpoint(ConfigReader reader) {
        String baseUrl = reader.string("baseUrl");
        URI uri;
        try {
            uri = new URI(baseUrl);
        } catch (URISyntaxException e) {
            throw reader.error("baseUrl", "value=\"" + baseUrl + "\"; expected a URL such as http://host:port/path: "
                    + e.getReason());
        }
        String scheme = uri.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme) || uri.getHost() == null || uri.getQuery() != null) {
            throw reader.error("baseUrl", "value=\"" + baseUrl
                    + "\"; expected http:// or https://, a host, an optional port and path, no query");
        }
        boolean ssl = "https".equals(scheme);
        int port = uri.getPort() >= 0 ? uri.getPort() : ssl ? 443 : 80;
        String basePath = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (basePath.endsWith("/")) {
            basePath = basePath.substring(0, basePath.length() - 1);
        }
        return new Endpoint(ssl, uri.getHost(), port, basePath);
    }
}
