package tickbus.sim.itch;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.nio.file.Path;
import java.time.InstantSource;

/**
 * Runs an {@link ItchSimServer} ({@code itch-sim} alias): generated order flow for the configured symbols, or a
 * BinaryFILE, served over SoupBinTCP on {@code host:port}.
 */
public final class ItchSimVerticle extends VerticleBase {

    private ItchSimServer server;

    @Override
    public Future<?> start() {
        ItchSimSettings settings = ItchSimSettings.fromJson(config(), "config");
        Future<ItchMessageSource> source = settings.file() == null
                ? Future.succeededFuture(new ItchOrderFlow(settings.symbols(), settings.seed(),
                        settings.haltEveryMessages(), settings.haltLengthMessages()))
                : vertx.executeBlocking(() -> BinaryFileMessages.load(Path.of(settings.file())));
        return source.compose(messages -> ItchSimServer.start(vertx, settings, messages, InstantSource.system()))
                .onSuccess(started -> server = started);
    }

    /** The running server (for tests and benchmarks that deploy the verticle). */
    public ItchSimServer server() {
        return server;
    }

    @Override
    public Future<?> stop() {
        return server == null ? Future.succeededFuture() : server.close();
    }
}
