package tickbus.sim.fixml;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.InstantSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link FixmlSimServer} for the demo ({@code fixml-sim} alias), generating {@code updatesPerSecond}
 * updates, or serving a CME settlement file.
 */
public final class FixmlSimVerticle extends VerticleBase {

    private static final Logger LOG = LoggerFactory.getLogger(FixmlSimVerticle.class);
    private static final long GENERATE_EVERY_MILLIS = 10;

    private FixmlSimServer server;
    private long timer = -1;
    private long startedNanos;
    private long generated;

    @Override
    public Future<?> start() {
        FixmlSimSettings settings = FixmlSimSettings.fromJson(config(), "config");
        server = new FixmlSimServer(vertx, settings, InstantSource.system());
        return server.start().onSuccess(port -> {
            LOG.info("FIXML long-poll simulator on http://{}:{} (log {}, {} updates/s)", settings.host(), port,
                    server.logId(), settings.updatesPerSecond());
            if (settings.updatesPerSecond() > 0 && settings.cmeFile() == null) {
                startedNanos = System.nanoTime();
                timer = vertx.setPeriodic(GENERATE_EVERY_MILLIS, id -> generate(settings.updatesPerSecond()));
            }
        });
    }

    /** Keeps the total generated at the configured rate since start, whatever the timer's jitter. */
    private void generate(long updatesPerSecond) {
        long due = (System.nanoTime() - startedNanos) / 1_000 * updatesPerSecond / 1_000_000;
        int count = (int) Math.min(Integer.MAX_VALUE, due - generated);
        if (count > 0) {
            server.generate(count);
            generated += count;
        }
    }

    /** The server, for tests that deploy the verticle. */
    public FixmlSimServer server() {
        return server;
    }

    @Override
    public Future<?> stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        return server.stop();
    }
}
