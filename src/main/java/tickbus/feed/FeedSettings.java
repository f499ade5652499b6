package tickbus.feed;

import io.vertx.core.json.JsonObject;
import tickbus.config.ConfigReader;

/**
 * One feed's configuration slice. Every key is read here; units are in the key names.
 *
 * @param protocolSettings the protocol's own keys (host, port, channels, ...), read by the protocol
 */
public record FeedSettings(String source, String venue, String protocol, InstrumentSelector instruments,
        BackoffSettings backoff, BreakerSettings breaker, long heartbeatTimeoutMillis, long silenceThresholdMillis,
        boolean reconnectWhenSilent, long watchdogIntervalMillis, SubscriptionRetrySettings subscriptionRetry,
        long releaseLingerMillis, int workers, int maxBatchFrames, long stopTimeoutMillis,
        long recoveryTimeoutMillis, JsonObject protocolSettings) {

    /** Exponential backoff with full jitter between connection attempts. */
    public record BackoffSettings(long initialDelayMillis, long maxDelayMillis, long resetAfterHealthyMillis) {
    }

    /** The circuit breaker around connection attempts. */
    public record BreakerSettings(int maxFailures, long resetTimeoutMillis, long attemptTimeoutMillis) {
    }

    /** Retries of one subscribe or unsubscribe on transient errors. */
    public record SubscriptionRetrySettings(int maxRetries, long initialDelayMillis, long maxDelayMillis) {
    }

    public static FeedSettings fromJson(JsonObject json, String path) {
        ConfigReader reader = new ConfigReader(json, path);
        String source = reader.string("source");
        if (!source.matches("[A-Za-z0-9_-]{1,64}")) {
            throw reader.error("source", "value=\"" + source + "\"; expected 1 to 64 of [A-Za-z0-9_-]");
        }
        String venue = reader.string("venue");
        if (!venue.matches("[A-Z0-9]{1,16}")) {
            throw reader.error("venue", "value=\"" + venue + "\"; expected 1 to 16 of [A-Z0-9] (a MIC where one exists)");
        }
        String protocol = reader.string("protocol");
        InstrumentSelector instruments = InstrumentSelector.fromConfig(reader, venue);
        ConfigReader backoff = reader.child("backoff");
        BackoffSettings backoffSettings = new BackoffSettings(
                backoff.longValue("initialDelayMillis", 100, 1, 600_000),
                backoff.longValue("maxDelayMillis", 30_000, 1, 3_600_000),
                backoff.longValue("resetAfterHealthyMillis", 30_000, 0, 86_400_000));
        backoff.rejectUnknownKeys();
        if (backoffSettings.maxDelayMillis() < backoffSettings.initialDelayMillis()) {
            throw backoff.error("maxDelayMillis", "value=" + backoffSettings.maxDelayMillis()
                    + "; expected at least initialDelayMillis=" + backoffSettings.initialDelayMillis());
        }
        ConfigReader breaker = reader.child("breaker");
        BreakerSettings breakerSettings = new BreakerSettings(
                breaker.intValue("maxFailures", 5, 1, 1000),
                breaker.longValue("resetTimeoutMillis", 30_000, 1, 3_600_000),
                breaker.longValue("attemptTimeoutMillis", 10_000, 1, 600_000));
        breaker.rejectUnknownKeys();
        ConfigReader retry = reader.child("subscriptionRetry");
        SubscriptionRetrySettings retrySettings = new SubscriptionRetrySettings(
                retry.intValue("maxRetries", 10, 0, 100),
                retry.longValue("initialDelayMillis", 100, 1, 600_000),
                retry.longValue("maxDelayMillis", 10_000, 1, 3_600_000));
        retry.rejectUnknownKeys();
        FeedSettings settings = new FeedSettings(source, venue, protocol, instruments, backoffSettings,
                breakerSettings,
                reader.longValue("heartbeatTimeoutMillis", 15_000, 10, 3_600_000),
                reader.longValue("silenceThresholdMillis", 30_000, 10, 86_400_000),
                reader.bool("reconnectWhenSilent", false),
                reader.longValue("watchdogIntervalMillis", 100, 1, 60_000),
                retrySettings,
                reader.longValue("releaseLingerMillis", 5_000, 0, 3_600_000),
                reader.intValue("workers", 1, 1, 64),
                reader.intValue("maxBatchFrames", 4096, 1, 1_000_000),
                reader.longValue("stopTimeoutMillis", 5_000, 1, 600_000),
                reader.longValue("recoveryTimeoutMillis", 10_000, 1, 3_600_000),
                reader.object("settings"));
        reader.rejectUnknownKeys();
        return settings;
    }
}
