package tickbus.feed.http;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.StreamResetException;
import java.io.IOException;
import java.net.ConnectException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One HTTP request and its response, with what the Vert.x Web Client does not give: a total deadline, an idle
 * timeout that also covers the body, a bounded body read as it streams, and cancellation. Ending an exchange
 * early resets its request, which on HTTP/1.1 closes the connection, so a half-read response never goes back to
 * the pool. Used on one event loop.
 */
final class HttpExchange {

    /** A complete response. */
    record Response(int status, MultiMap headers, Buffer body) {

        String header(String name) {
            return headers.get(name);
        }
    }

    /** Why an exchange failed: a counter label, a message, and what had arrived (null before the response head). */
    static final class Failure extends RuntimeException {

        private final String kind;
        private final Response partial;

        Failure(String kind, String message, Response partial) {
            super(message, null, false, false);
            this.kind = kind;
            this.partial = partial;
        }

        String kind() {
            return kind;
        }

        /** The status, headers and body bytes received before the failure, or null. */
        Response partial() {
            return partial;
        }
    }

    /** Bounds of one exchange. */
    record Limits(long maxBodyBytes, long idleTimeoutMillis, long deadlineMillis) {
    }

    private final Vertx vertx;
    private final Limits limits;
    private final HttpPollCounters counters;
    private final Promise<Response> result = Promise.promise();
    private final Buffer body = Buffer.buffer();
    private HttpClientRequest request;
    private HttpClientResponse head;
    private long deadlineTimer = -1;
    private long idleTimer = -1;
    private long lastByteNanos;
    private boolean done;

    private HttpExchange(Vertx vertx, Limits limits, HttpPollCounters counters) {
        this.vertx = vertx;
        this.limits = limits;
        this.counters = counters;
    }

    /** Sends the request; {@code options} carries the wait-phase idle timeout. */
    static HttpExchange send(Vertx vertx, HttpClient client, RequestOptions options, Limits limits,
            HttpPollCounters counters) {
        HttpExchange exchange = new HttpExchange(vertx, limits, counters);
        exchange.start(client, options);
        return exchange;
    }

    Future<Response> response() {
        return result.future();
    }

    /** Abandons the exchange; its request is reset. */
    void cancel(String reason) {
        fail("cancelled", reason);
    }

    private void start(HttpClient client, RequestOptions options) {
        counters.requestStarted();
        deadlineTimer = vertx.setTimer(limits.deadlineMillis(), id -> fail("deadline",
                "request deadline exceeded: deadlineMillis=" + limits.deadlineMillis() + ", uri=" + options.getURI()));
        client.request(options).onComplete(created -> {
            if (created.failed()) {
                fail(kindOf(created.cause()), describe(created.cause()));
                return;
            }
            request = created.result();
            if (done) {
                request.reset();
                return;
            }
            request.send().onComplete(sent -> {
                if (sent.failed()) {
                    fail(kindOf(sent.cause()), describe(sent.cause()));
                } else if (!done) {
                    receive(sent.result());
                }
            });
        });
    }

    private void receive(HttpClientResponse response) {
        head = response;
        String declared = response.getHeader("Content-Length");
        if (declared != null && declared.length() < 19 && declared.chars().allMatch(Character::isDigit)
                && Long.parseLong(declared) > limits.maxBodyBytes()) {
            fail("body-too-large", "response body exceeds max: contentLength=" + declared + ", max="
                    + limits.maxBodyBytes());
            return;
        }
        lastByteNanos = System.nanoTime();
        armIdleCheck();
        response.handler(this::chunk);
        response.exceptionHandler(e -> fail(kindOf(e), describe(e)));
        response.endHandler(v -> succeed());
    }

    private void chunk(Buffer chunk) {
        if (done) {
            return;
        }
        lastByteNanos = System.nanoTime();
        if (body.length() + (long) chunk.length() > limits.maxBodyBytes()) {
            body.appendBuffer(chunk, 0, (int) (limits.maxBodyBytes() - body.length()));
            fail("body-too-large", "response body exceeds max: length>" + limits.maxBodyBytes() + ", max="
                    + limits.maxBodyBytes());
            return;
        }
        body.appendBuffer(chunk);
    }

    /** Checks four times per idle period, so a stall is caught between 1 and 1.25 idle periods after the last byte. */
    private void armIdleCheck() {
        idleTimer = vertx.setTimer(Math.max(1, limits.idleTimeoutMillis() / 4), id -> {
            if (done) {
                return;
            }
            long silentMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastByteNanos);
            if (silentMillis >= limits.idleTimeoutMillis()) {
                fail("idle-timeout", "response body stalled: silentMillis=" + silentMillis + ", idleTimeoutMillis="
                        + limits.idleTimeoutMillis() + ", received=" + body.length());
            } else {
                armIdleCheck();
            }
        });
    }

    private void succeed() {
        if (finish()) {
            result.complete(new Response(head.statusCode(), head.headers(), body));
        }
    }

    private void fail(String kind, String message) {
        if (!finish()) {
            return;
        }
        if (request != null) {
            request.reset();
        }
        Response partial = head == null ? null : new Response(head.statusCode(), head.headers(), body);
        result.fail(new Failure(kind, message, partial));
    }

    private boolean finish() {
        if (done) {
            return false;
        }
        done = true;
        vertx.cancelTimer(deadlineTimer);
        if (idleTimer >= 0) {
            vertx.cancelTimer(idleTimer);
        }
        counters.requestEnded();
        return true;
    }

    private static String kindOf(Throwable cause) {
        if (cause instanceof TimeoutException) {
            return "idle-timeout";
        }
        if (cause instanceof ConnectException || cause.getClass().getSimpleName().contains("Connect")) {
            return "connect";
        }
        if (cause instanceof HttpClosedException || cause instanceof StreamResetException
                || cause instanceof IOException) {
            return "reset";
        }
        return "transport";
    }

    private static String describe(Throwable cause) {
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
