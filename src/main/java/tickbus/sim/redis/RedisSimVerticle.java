package tickbus.sim.redis;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tickbus.feed.FeedClock;

/**
 * A Redis publisher for the demo and tests ({@code redis-sim}): every {@code tickMillis} it sends one pipelined
 * batch of PUBLISH or XADD commands made by {@link RedisMarketSimulator}. It never fails its deployment and never
 * blocks: while Redis does not answer it warns (at most every {@value #WARN_INTERVAL_MILLIS} ms) and tries again
 * after {@code retryMillis}.
 */
public final class RedisSimVerticle extends VerticleBase {

    private static final Logger LOG = LoggerFactory.getLogger(RedisSimVerticle.class);
    private static final long WARN_INTERVAL_MILLIS = 10_000;

    private final AtomicLong published = new AtomicLong();
    private final AtomicLong failedBatches = new AtomicLong();
    private RedisSimSettings settings;
    private RedisMarketSimulator simulator;
    private Redis client;
    private long timer = -1;
    private boolean batchInFlight;
    private long retryAtMillis;
    private long lastWarningMillis;
    private double owed;

    @Override
    public Future<?> start() {
        settings = RedisSimSettings.fromJson(config(), "config");
        simulator = new RedisMarketSimulator(settings);
        client = Redis.createClient(vertx, new RedisOptions().setConnectionString(settings.connectionString())
                .setMaxPoolSize(1).setMaxPoolWaiting(4));
        timer = vertx.setPeriodic(settings.tickMillis(), id -> tick());
        return Future.succeededFuture();
    }

    /** Commands Redis acknowledged. */
    public long published() {
        return published.get();
    }

    /** Batches that failed (Redis down or refusing). */
    public long failedBatches() {
        return failedBatches.get();
    }

    private void tick() {
        long now = System.currentTimeMillis();
        if (batchInFlight || now < retryAtMillis) {
            return;
        }
        owed += settings.messagesPerSecond() * settings.tickMillis() / 1000.0;
        int count = (int) owed;
        if (count == 0) {
            return;
        }
        owed -= count;
        List<Request> batch = new ArrayList<>(count);
        long nanos = FeedClock.nanos(java.time.InstantSource.system());
        for (int i = 0; i < count; i++) {
            batch.add(request(simulator.command(simulator.next(nanos))));
        }
        batchInFlight = true;
        client.batch(batch).onComplete(result -> {
            batchInFlight = false;
            if (result.succeeded()) {
                published.addAndGet(count);
            } else {
                failedBatches.incrementAndGet();
                retryAtMillis = System.currentTimeMillis() + settings.retryMillis();
                warn(result.cause());
            }
        });
    }

    private void warn(Throwable cause) {
        long now = System.currentTimeMillis();
        if (now - lastWarningMillis >= WARN_INTERVAL_MILLIS) {
            lastWarningMillis = now;
            LOG.warn("redis-sim: cannot publish to {} (retrying every {} ms; warned at most every {} ms): {}",
                    settings.connectionString(), settings.retryMillis(), WARN_INTERVAL_MILLIS, cause.toString());
        }
    }

    private static Request request(List<String> arguments) {
        Request request = Request.cmd(Command.create(arguments.get(0)));
        for (int i = 1; i < arguments.size(); i++) {
            request.arg(Buffer.buffer(arguments.get(i)));
        }
        return request;
    }

    @Override
    public Future<?> stop() {
        vertx.cancelTimer(timer);
        return client.close();
    }
}
