package tickbus.bridge;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tickbus.TickbusNode;

/**
 * The event bus for non-JVM clients over TCP, in the Vert.x TCP event-bus bridge protocol (see {@link BridgeFrames}):
 * clients {@code register} on permitted addresses (by default {@code md\..+} and {@code tickbus\.strategy\..+}) and
 * receive {@code message} frames whose body is the event's canonical JSON. Nothing is accepted inbound.
 * Speaks the protocol itself rather than wrapping {@code TcpEventBusBridge}, which JSON-encodes message bodies on
 * its own and cannot carry tickbus's binary event records.
 */
public final class TcpBridgeVerticle extends VerticleBase {

    private static final Logger LOG = LoggerFactory.getLogger(TcpBridgeVerticle.class);

    private final TcpBridgeMetrics metrics = new TcpBridgeMetrics();
    private NetServer server;

    @Override
    public Future<?> start() {
        TcpBridgeSettings settings = TcpBridgeSettings.fromJson(config(), "config");
        TickbusNode node = TickbusNode.of(vertx);
        server = vertx.createNetServer(new NetServerOptions().setTcpNoDelay(true));
        server.connectHandler(socket -> new BridgeConnection(socket, node, settings, metrics).start());
        return server.listen(settings.port(), settings.host()).onSuccess(listening -> LOG.info(
                "TCP event-bus bridge listening: host={}, port={}, outbound={}", settings.host(),
                listening.actualPort(), settings.outbound().regexes()));
    }

    @Override
    public Future<?> stop() {
        return server.close();
    }

    /** The port listened on (the actual one when configured with port 0). */
    public int port() {
        return server.actualPort();
    }

    public TcpBridgeMetrics metrics() {
        return metrics;
    }
}
