package tickbus.feed.redis;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.List;

/**
 * One dedicated connection to Redis (never returned to a pool: pub/sub and blocking reads taint a connection),
 * with the client that made it, which also serves short control commands on a second connection. Opening
 * completes only after a PING answered PONG, within {@code connectTimeoutMillis}; every failure is a typed
 * {@link RedisSessionException}, and a handshake that hangs is cut off and its sockets closed.
 */
final class RedisSession {

    private static final String PONG = "PONG";

    private final Redis client;
    private final RedisConnection connection;

    private RedisSession(Redis client, RedisConnection connection) {
        this.client = client;
        this.connection = connection;
    }

    static Future<RedisSession> open(Vertx vertx, RedisFeedSettings settings) {
        Redis client = Redis.createClient(vertx, options(settings));
        String endpoint = settings.connectionString();
        Promise<RedisSession> opened = Promise.promise();
        long timer = vertx.setTimer(settings.connectTimeoutMillis(), id -> opened.tryFail(new RedisSessionException(
                RedisSessionException.Kind.TIMEOUT, "endpoint=" + endpoint + ", connectTimeoutMillis="
                + settings.connectTimeoutMillis() + " (no complete RESP handshake)", null)));
        client.connect()
                .compose(connection -> connection.send(Request.cmd(Command.PING))
                        .compose(reply -> checkPong(reply, endpoint))
                        .map(v -> new RedisSession(client, connection))
                        .onFailure(e -> connection.close()))
                .onComplete(result -> {
                    vertx.cancelTimer(timer);
                    if (result.succeeded() && !opened.tryComplete(result.result())) {
                        result.result().close();
                    } else if (result.failed()) {
                        opened.tryFail(RedisSessionException.classify(result.cause(), endpoint));
                    }
                });
        return opened.future().onFailure(e -> client.close());
    }

    private static Future<Void> checkPong(Response reply, String endpoint) {
        String text = reply == null ? "null" : reply.toString();
        if (!PONG.equals(text)) {
            String shown = text.length() > 40 ? text.substring(0, 40) + "..." : text;
            return Future.failedFuture(new RedisSessionException(RedisSessionException.Kind.UNEXPECTED_REPLY,
                    "endpoint=" + endpoint + ", command=PING, reply=\"" + shown + "\", expected=PONG", null));
        }
        return Future.succeededFuture();
    }

    private static RedisOptions options(RedisFeedSettings settings) {
        NetClientOptions net = new NetClientOptions()
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, settings.connectTimeoutMillis()))
                .setTcpNoDelay(true)
                .setTcpKeepAlive(true)
                .setReceiveBufferSize(1 << 20);
        if (settings.tlsEnabled()) {
            net.setSsl(true).setTrustAll(settings.tls().trustAll())
                    .setHostnameVerificationAlgorithm(settings.tls().verifyHostname() ? "HTTPS" : "");
            if (settings.tls().caPemFile() != null) {
                net.setTrustOptions(new PemTrustOptions().addCertPath(settings.tls().caPemFile()));
            }
        }
        RedisOptions options = new RedisOptions()
                .setConnectionString(settings.connectionString())
                .setNetClientOptions(net)
                .setMaxPoolSize(2)
                .setMaxPoolWaiting(64);
        if (settings.user() != null) {
            options.setUser(settings.user());
        }
        if (settings.password() != null) {
            options.setPassword(settings.password());
        }
        return options;
    }

    RedisConnection connection() {
        return connection;
    }

    /** Send a short command on the client's second connection, beside a blocked or subscribed one. */
    Future<Response> control(Request request) {
        return client.send(request);
    }

    /** Send short commands on the control connection, pipelined; completes with their replies in order. */
    Future<List<Response>> controlBatch(List<Request> requests) {
        return client.batch(requests);
    }

    /** Close both connections; a read or subscription in flight ends with the socket. */
    Future<Void> close() {
        return client.close();
    }
}
