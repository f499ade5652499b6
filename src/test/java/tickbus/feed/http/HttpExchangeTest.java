package tickbus.feed.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tickbus.testing.Await;

/** One exchange against a loopback server that misbehaves on purpose, per path. */
class HttpExchangeTest {

    private static final long IDLE_MILLIS = 1_000;
    /** Generous: a cold first request on a loaded machine must not meet it by accident. */
    private static final long DEADLINE_MILLIS = 5_000;
    private static final long SHORT_DEADLINE_MILLIS = 400;

    private final Vertx vertx = Vertx.vertx();
    private final AtomicInteger serverConnections = new AtomicInteger();
    private final HttpServer server = Await.result(vertx.createHttpServer()
            .connectionHandler(connection -> {
                serverConnections.incrementAndGet();
                connection.closeHandler(v -> serverConnections.decrementAndGet());
            })
            .requestHandler(request -> {
                HttpServerResponse response = request.response();
                switch (request.path()) {
                    case "/ok" -> response.end("fine");
                    case "/declared-too-large" -> response.putHeader("Content-Length", "1000").write("x");
                    case "/chunks" -> {
                        response.setChunked(true).write("a".repeat(100));
                        response.write("b".repeat(100));
                        response.end("c".repeat(100));
                    }
                    case "/stall" -> response.setChunked(true).write("0123456789");
                    case "/trickle" -> {
                        response.setChunked(true);
                        long timer = vertx.setPeriodic(10, id -> response.write("."));
                        response.closeHandler(v -> vertx.cancelTimer(timer));
                    }
                    default -> {
                    }
                }
            }).listen(0, "127.0.0.1"));
    private final HttpClientAgent client = vertx.createHttpClient();
    private final HttpPollCounters counters = new HttpPollCounters();

    @AfterEach
    void close() {
        Await.result(vertx.close());
    }

    @Test
    void aCompleteResponse() {
        HttpExchange.Response response = Await.result(send("/ok", 1_000).response());
        assertEquals(200, response.status());
        assertEquals("fine", response.body().toString());
        assertEquals(0, counters.requestsInFlight());
    }

    @Test
    void aDeclaredLengthOverTheMaximumFailsBeforeTheBodyIsRead() {
        HttpExchange.Failure failure = failure(send("/declared-too-large", 100));
        assertEquals("body-too-large", failure.kind());
        assertEquals("response body exceeds max: contentLength=1000, max=100", failure.getMessage());
        assertEquals(0, failure.partial().body().length());
    }

    @Test
    void aStreamedBodyOverTheMaximumKeepsWhatFitsAndResetsTheConnection() {
        HttpExchange.Failure failure = failure(send("/chunks", 150));
        assertEquals("body-too-large", failure.kind());
        assertEquals("a".repeat(100) + "b".repeat(50), failure.partial().body().toString());
        Await.until("the server saw the connection close", () -> serverConnections.get() == 0);
    }

    @Test
    void aBodyThatStallsFailsAfterTheIdleTimeout() {
        long started = System.nanoTime();
        HttpExchange.Failure failure = failure(send("/stall", 1_000));
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
        assertEquals("idle-timeout", failure.kind());
        assertTrue(failure.getMessage().startsWith("response body stalled: silentMillis="), failure.getMessage());
        assertTrue(elapsedMillis >= IDLE_MILLIS && elapsedMillis < DEADLINE_MILLIS, elapsedMillis + " ms");
        Await.until("the server saw the connection close", () -> serverConnections.get() == 0);
    }

    @Test
    void aBodyThatNeverEndsMeetsTheTotalDeadline() {
        HttpExchange.Failure failure = failure(send("/trickle", 1_000_000, SHORT_DEADLINE_MILLIS));
        assertEquals("deadline", failure.kind());
        assertTrue(failure.partial().body().length() > 0, "bytes kept arriving");
        Await.until("the server saw the connection close", () -> serverConnections.get() == 0);
    }

    @Test
    void aResponseThatNeverStartsFailsAfterTheWaitAndTheIdleTimeout() {
        HttpExchange.Failure failure = failure(send("/silent", 1_000));
        assertEquals("idle-timeout", failure.kind());
        assertEquals(null, failure.partial());
    }

    @Test
    void cancellingResetsTheRequest() {
        Promise<HttpExchange> sent = Promise.promise();
        Context context = vertx.getOrCreateContext();
        context.runOnContext(v -> sent.complete(exchange("/silent", 1_000, DEADLINE_MILLIS)));
        HttpExchange exchange = Await.result(sent.future());
        Await.until("the request reached the server", () -> serverConnections.get() == 1);
        context.runOnContext(v -> exchange.cancel("stopping"));

        HttpExchange.Failure failure = failure(exchange);
        assertEquals(java.util.List.of("cancelled", "stopping"), java.util.List.of(failure.kind(), failure.getMessage()));
        Await.until("the server saw the connection close", () -> serverConnections.get() == 0);
        assertEquals(0, counters.requestsInFlight());
    }

    private HttpExchange send(String path, long maxBodyBytes) {
        return send(path, maxBodyBytes, DEADLINE_MILLIS);
    }

    private HttpExchange send(String path, long maxBodyBytes, long deadlineMillis) {
        Promise<HttpExchange> sent = Promise.promise();
        vertx.getOrCreateContext().runOnContext(v -> sent.complete(exchange(path, maxBodyBytes, deadlineMillis)));
        return Await.result(sent.future());
    }

    private HttpExchange exchange(String path, long maxBodyBytes, long deadlineMillis) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1")
                .setPort(server.actualPort()).setURI(path).setIdleTimeout(IDLE_MILLIS * 2);
        return HttpExchange.send(vertx, client, options, new HttpExchange.Limits(maxBodyBytes, IDLE_MILLIS,
                deadlineMillis), counters);
    }

    private static HttpExchange.Failure failure(HttpExchange exchange) {
        Promise<HttpExchange.Failure> failed = Promise.promise();
        exchange.response().onComplete(result -> {
            if (result.succeeded()) {
                failed.fail(new AssertionError("expected a failure, got status " + result.result().status()));
            } else {
                failed.complete((HttpExchange.Failure) result.cause());
            }
        });
        return Await.result(failed.future());
    }
}
