package tickbus.bridge;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetSocket;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tickbus.Addresses;
import tickbus.TickbusNode;
import tickbus.event.TickbusEvent;

/**
 * One bridge client: its registrations, and the demand they hold. A registration on an {@code md.*} address
 * acquires demand for the instrument until it is unregistered or the connection closes. Messages to a client whose
 * socket write queue is full are dropped and counted: the client sees the gap in the sequence numbers. While the
 * queue is full the client's requests are not read either, so a client that never reads costs bounded memory.
 */
final class BridgeConnection {

    private static final Logger LOG = LoggerFactory.getLogger(BridgeConnection.class);

    private final NetSocket socket;
    private final TickbusNode node;
    private final TcpBridgeSettings settings;
    private final TcpBridgeMetrics metrics;
    private final BridgeFrames frames;
    private final Map<String, MessageConsumer<Object>> registrations = new HashMap<>();
    private boolean closed;

    BridgeConnection(NetSocket socket, TickbusNode node, TcpBridgeSettings settings, TcpBridgeMetrics metrics) {
        this.socket = socket;
        this.node = node;
        this.settings = settings;
        this.metrics = metrics;
        this.frames = new BridgeFrames(settings.maxFrameBytes());
    }

    void start() {
        metrics.connected();
        socket.handler(this::received);
        socket.closeHandler(v -> closed());
        socket.exceptionHandler(e -> LOG.debug("bridge socket error: remote={}, error={}", socket.remoteAddress(),
                e.toString()));
    }

    private void received(Buffer bytes) {
        try {
            frames.feed(bytes, this::frame);
        } catch (BridgeFrames.BridgeFrameException e) {
            metrics.invalidFrame();
            LOG.warn("bridge client sent an invalid frame, closing: remote={}, error={}", socket.remoteAddress(),
                    e.getMessage());
            error("invalid_frame: " + e.getMessage());
            socket.close();
        }
    }

    private void frame(JsonObject frame) {
        String type = String.valueOf(frame.getValue("type"));
        String address = frame.getValue("address") instanceof String text ? text : null;
        switch (type) {
            case "ping" -> write(new JsonObject().put("type", "pong"));
            case "register" -> register(address);
            case "unregister" -> unregister(address);
            case "send", "publish" -> denied(type, address);
            default -> error("unknown_type");
        }
    }

    private void register(String address) {
        if (address == null || !settings.outboundPermitted(address)) {
            denied("register", address);
            return;
        }
        String instrument = Addresses.instrumentOf(address);
        if (Addresses.kindOf(address) != null && !Addresses.isInstrumentId(instrument)) {
            // Refused before any demand: an arbitrary string would otherwise be demanded across the cluster.
            metrics.countDenied();
            error("invalid_instrument: expected md.<kind>.VENUE:SYMBOL, VENUE:SYMBOL of at most "
                    + Addresses.MAX_INSTRUMENT_ID_LENGTH + " characters");
            return;
        }
        if (registrations.containsKey(address)) {
            error("already_registered");
            return;
        }
        if (registrations.size() >= settings.maxRegistrationsPerConnection()) {
            error("too_many_registrations: max=" + settings.maxRegistrationsPerConnection());
            return;
        }
        MessageConsumer<Object> consumer = node.vertx().eventBus().consumer(address, this::deliver);
        registrations.put(address, consumer);
        if (instrument != null) {
            node.demand().acquire(instrument, EnumSet.of(Addresses.kindOf(address)));
        }
        metrics.registered();
    }

    private void unregister(String address) {
        MessageConsumer<Object> consumer = address == null ? null : registrations.remove(address);
        if (consumer == null) {
            error("unknown_address");
            return;
        }
        release(address, consumer);
    }

    private void release(String address, MessageConsumer<Object> consumer) {
        consumer.unregister();
        String instrument = Addresses.instrumentOf(address);
        if (instrument != null) {
            node.demand().release(instrument, EnumSet.of(Addresses.kindOf(address)));
        }
        metrics.unregistered();
    }

    private void deliver(Message<Object> message) {
        if (socket.writeQueueFull()) {
            metrics.countDropped();
            return;
        }
        Object body = message.body() instanceof TickbusEvent event ? event.toJson() : message.body();
        write(new JsonObject().put("type", "message").put("address", message.address()).put("headers", new JsonObject())
                .put("body", body).put("send", false));
        metrics.countDelivered();
    }

    private void denied(String type, String address) {
        metrics.countDenied();
        LOG.debug("bridge denied: type={}, address={}, remote={}", type, address, socket.remoteAddress());
        error("access_denied");
    }

    private void error(String message) {
        write(new JsonObject().put("type", "err").put("message", message));
    }

    private void write(JsonObject frame) {
        if (!closed) {
            socket.write(BridgeFrames.encode(frame));
            if (socket.writeQueueFull()) {
                // The replies of a client that does not read would otherwise queue here without bound.
                metrics.readPaused();
                socket.pause();
                socket.drainHandler(v -> socket.resume());
            }
        }
    }

    private void closed() {
        closed = true;
        registrations.forEach(this::release);
        registrations.clear();
        metrics.disconnected();
    }
}
