package tickbus.feed.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpMethod;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.Collection;

/** The requests of the long-poll protocol ({@link FixmlLongPoll}) over one HTTP client and its pool. */
final class LongPollClient {

    private static final long SNAPSHOT_RESPONSE_MAX_BYTES = 64 * 1024;

    private final Vertx vertx;
    private final InstantSource clock;
    private final HttpClientAgent client;
    private final HttpFeedSettings settings;
    private final HttpPollCounters counters;
    private final PollTarget target;

    LongPollClient(Vertx vertx, InstantSource clock, HttpClientAgent client, HttpFeedSettings settings,
            HttpPollCounters counters) {
        this.vertx = vertx;
        this.clock = clock;
        this.client = client;
        this.settings = settings;
        this.counters = counters;
        this.target = new PollTarget(settings);
    }

    /** {@code instruments}: the encoded parameter, or null for every instrument. */
    HttpExchange poll(long cursor, String instruments, long waitMillis) {
        counters.pollSent();
        return exchange(HttpMethod.GET, target.updatesUri(cursor, instruments, waitMillis), waitMillis,
                settings.maxResponseBytes());
    }

    /**
     * Asks for snapshots to be appended to the server's log; completes with the range they occupy, or fails with
     * {@link SnapshotRefused} for any status but 200 (carrying a 429's or 503's {@code Retry-After}).
     * {@code instruments}: the encoded parameter, or null for every instrument.
     */
    Future<ResponseRange> snapshot(String instruments) {
        counters.snapshotRequested();
        return exchange(HttpMethod.POST, target.snapshotUri(instruments), 0, SNAPSHOT_RESPONSE_MAX_BYTES).response()
                .compose(response -> {
                    if (response.status() != 200) {
                        return Future.failedFuture(new SnapshotRefused(response.status(), retryAfterMillis(response)));
                    }
                    ResponseRange range = ResponseRange.read(response);
                    if (range == null) {
                        return Future.failedFuture("snapshot answered status=200: " + ResponseRange.problem(response));
                    }
                    return Future.succeededFuture(range);
                });
    }

    /** A 429's or 503's {@code Retry-After} in milliseconds, capped; {@link RetryAfter#NONE} otherwise. */
    long retryAfterMillis(HttpExchange.Response response) {
        if (!SnapshotRefused.asksToWait(response.status())) {
            return RetryAfter.NONE;
        }
        return RetryAfter.millis(response.header(FixmlLongPoll.HEADER_RETRY_AFTER), clock.millis(),
                settings.maxRetryAfterMillis());
    }

    /**
     * Why a poll carrying {@code instruments} would not fit the server's request-line limit, or null when it fits.
     */
    String tooLong(String instruments) {
        int chars = target.requestLineChars(instruments);
        return chars <= settings.maxRequestLineChars() ? null : "requestLineChars=" + chars + ", maxRequestLineChars="
                + settings.maxRequestLineChars();
    }

    /** Closes the pool: requests in flight fail, connections close. */
    Future<Void> close() {
        return client.close();
    }

    /** The {@code instruments} parameter value for these symbols. */
    static String parameter(Collection<String> symbols) {
        StringBuilder out = new StringBuilder();
        for (String symbol : symbols) {
            if (out.length() > 0) {
                out.append(FixmlLongPoll.INSTRUMENT_SEPARATOR);
            }
            out.append(URLEncoder.encode(symbol, StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    private HttpExchange exchange(HttpMethod method, String uri, long waitMillis, long maxBodyBytes) {
        HttpFeedSettings.Timeouts timeouts = settings.timeouts();
        return HttpExchange.send(vertx, client, target.request(method, uri, waitMillis),
                new HttpExchange.Limits(maxBodyBytes, timeouts.idleTimeoutMillis(), timeouts.pollTimeoutMillis()),
                counters);
    }
}
