package tickbus.monitor;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.EncodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.handler.sockjs.BridgeEvent;
import io.vertx.ext.web.handler.sockjs.SockJSSocket;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tickbus.Addresses;
import tickbus.demand.DemandRegistry;
import tickbus.event.EventKind;
import tickbus.event.TickbusEvent;

/**
 * Every frame a browser sends, and every message it is sent, passes here. Checks the credential on each inbound
 * frame, validates peek requests, counts denials, turns registrations on {@code md.*} into demand held while the
 * socket holds them, converts event records to their canonical JSON and writes through a per-socket
 * {@link SocketOutbox}. The Vert.x bridge enforces the address permits again after this hook.
 */
final class BridgeGuard implements Handler<BridgeEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(BridgeGuard.class);

    /** Told when browsers start or stop watching an instrument's peek address. */
    interface PeekWatchers {
        void watch(String instrument);

        void unwatch(String instrument);
    }

    private final MonitorSettings settings;
    private final OriginPolicy origins;
    private final DemandRegistry demand;
    private final PeekWatchers peeks;
    private final BridgeStats stats;
    private final Map<SockJSSocket, SocketState> sockets = new ConcurrentHashMap<>();

    private static final class SocketState {
        final SocketOutbox outbox;
        final Set<String> held = new HashSet<>();

        SocketState(SocketOutbox outbox) {
            this.outbox = outbox;
        }
    }

    BridgeGuard(MonitorSettings settings, OriginPolicy origins, DemandRegistry demand, PeekWatchers peeks,
            BridgeStats stats) {
        this.settings = settings;
        this.origins = origins;
        this.demand = demand;
        this.peeks = peeks;
        this.stats = stats;
    }

    @Override
    public void handle(BridgeEvent event) {
        switch (event.type()) {
            case SOCKET_CREATED -> socketCreated(event);
            case SOCKET_CLOSED, SOCKET_ERROR -> socketClosed(event);
            case SEND, PUBLISH -> sendOrPublish(event);
            case REGISTER -> register(event);
            case UNREGISTER -> unregister(event);
            case RECEIVE -> receive(event);
            default -> event.complete(true);
        }
    }

    /** Registrations held by open sockets (every one also counted by the bridge as a handler). */
    int heldRegistrations() {
        return sockets.values().stream().mapToInt(state -> {
            synchronized (state) {
                return state.held.size();
            }
        }).sum();
    }

    /** Bytes written to browser sockets and not yet taken by their transports. */
    long backlogBytes() {
        return sockets.values().stream().mapToLong(state -> state.outbox.inFlightBytes()).sum();
    }

    /** Frames waiting, at most one per socket and address, for their socket to catch up. */
    long waitingFrames() {
        return sockets.values().stream().mapToLong(state -> state.outbox.waitingFrames()).sum();
    }

    private void socketCreated(BridgeEvent event) {
        SockJSSocket socket = event.socket();
        if (!origins.permits(socket.headers().get("Origin"), socket.headers().get("Host"))) {
            stats.deny("socket", "foreign_origin");
            event.complete(false);
            return;
        }
        SocketOutbox outbox = new SocketOutbox(socket::write, socket::writeQueueFull,
                settings.maxSocketBacklogBytes(), stats.conflated);
        sockets.put(socket, new SocketState(outbox));
        stats.sockets.incrementAndGet();
        event.complete(true);
    }

    private void socketClosed(BridgeEvent event) {
        SocketState state = sockets.remove(event.socket());
        if (state != null) {
            stats.sockets.decrementAndGet();
            state.outbox.close();
            Set<String> held;
            synchronized (state) {
                held = Set.copyOf(state.held);
                state.held.clear();
            }
            held.forEach(this::released);
        }
        event.complete(true);
    }

    private void sendOrPublish(BridgeEvent event) {
        String kind = event.type() == io.vertx.ext.bridge.BridgeEventType.SEND ? "send" : "publish";
        JsonObject frame = event.getRawMessage();
        if (!authorized(frame, kind, event)) {
            return;
        }
        String address = frame.getString("address");
        if (!settings.inbound().permits(address)) {
            stats.deny(kind, "not_permitted");
            event.complete(true);
            return;
        }
        if (event.type() == io.vertx.ext.bridge.BridgeEventType.PUBLISH) {
            refuse(event, kind, "publish_not_allowed");
            return;
        }
        if (Addresses.MONITOR_PEEK.equals(address)) {
            try {
                PeekRequest.parse(frame.getValue("body"));
            } catch (IllegalArgumentException e) {
                LOG.debug("refused peek request: {}", e.getMessage());
                refuse(event, kind, "invalid_request");
                return;
            }
        }
        event.complete(true);
    }

    private void register(BridgeEvent event) {
        JsonObject frame = event.getRawMessage();
        if (!authorized(frame, "register", event)) {
            return;
        }
        String address = frame.getValue("address") instanceof String text ? text : null;
        SocketState state = sockets.get(event.socket());
        if (address == null || state == null) {
            event.complete(true);
            return;
        }
        if (address.length() > settings.maxAddressLength()) {
            stats.deny("register", "address_too_long");
        } else if (!settings.outbound().permits(address)) {
            stats.deny("register", "not_permitted");
        } else if (!namesValidInstrument(address)) {
            // Refused before any demand: an arbitrary string would otherwise be demanded across the cluster.
            LOG.debug("refused registration on an invalid instrument id: address={}", address);
            refuse(event, "register", "invalid_instrument");
            return;
        } else if (!hold(state, address)) {
            stats.deny("register", "already_registered");
        } else {
            acquired(address);
        }
        event.complete(true);
    }

    private void unregister(BridgeEvent event) {
        JsonObject frame = event.getRawMessage();
        SocketState state = sockets.get(event.socket());
        if (state == null) {
            event.complete(true);
            return;
        }
        if (!settings.access().permits(authorization(frame))) {
            // Not counted as a denial: the bridge also sends these, without headers, for a closing socket.
            event.complete(false);
            return;
        }
        String address = frame.getValue("address") instanceof String text ? text : null;
        boolean released;
        synchronized (state) {
            released = address != null && state.held.remove(address);
        }
        if (released) {
            released(address);
        }
        event.complete(true);
    }

    private void receive(BridgeEvent event) {
        SocketState state = sockets.get(event.socket());
        JsonObject envelope = event.getRawMessage();
        if (state != null) {
            state.outbox.offer(envelope.getString("address"), () -> encode(envelope));
        }
        event.complete(false);
    }

    /** The browser frame: the envelope with an event record's body replaced by its canonical JSON. */
    private Buffer encode(JsonObject envelope) {
        if (envelope.getValue("body") instanceof TickbusEvent tickbusEvent) {
            envelope.put("body", tickbusEvent.toJson());
        }
        try {
            return Buffer.buffer(envelope.encode());
        } catch (EncodeException e) {
            stats.unencodable.increment();
            return Buffer.buffer(new JsonObject().put("type", "err").put("address", envelope.getString("address"))
                    .put("body", "unencodable").encode());
        }
    }

    private boolean hold(SocketState state, String address) {
        synchronized (state) {
            return state.held.add(address);
        }
    }

    private void acquired(String address) {
        stats.registrations.incrementAndGet();
        holdChanged(address, true);
    }

    private void released(String address) {
        stats.registrations.decrementAndGet();
        holdChanged(address, false);
    }

    /** A held {@code md.*} address is demand for its instrument; a held peek address keeps that peek running. */
    private void holdChanged(String address, boolean held) {
        String instrument = Addresses.instrumentOf(address);
        if (instrument != null) {
            Set<EventKind> kind = EnumSet.of(Addresses.kindOf(address));
            (held ? demand.acquire(instrument, kind) : demand.release(instrument, kind)).onFailure(e -> LOG.warn(
                    "bridge demand change failed: instrument={}, held={}, error={}", instrument, held, e.getMessage()));
        }
        String peeked = peekedInstrument(address);
        if (peeked != null && held) {
            peeks.watch(peeked);
        } else if (peeked != null) {
            peeks.unwatch(peeked);
        }
    }

    private static String peekedInstrument(String address) {
        String instrument = Addresses.peekedInstrumentOf(address);
        return Addresses.isInstrumentId(instrument) ? instrument : null;
    }

    /** An {@code md.*} or peek address names a {@code VENUE:SYMBOL} id; any other address names none. */
    private static boolean namesValidInstrument(String address) {
        if (Addresses.kindOf(address) != null) {
            return Addresses.isInstrumentId(Addresses.instrumentOf(address));
        }
        String peeked = Addresses.peekedInstrumentOf(address);
        return peeked == null || Addresses.isInstrumentId(peeked);
    }

    private boolean authorized(JsonObject frame, String kind, BridgeEvent event) {
        if (settings.access().permits(authorization(frame))) {
            return true;
        }
        refuse(event, kind, "unauthenticated");
        return false;
    }

    /** The frame's {@code headers.authorization}, the credential every inbound frame must carry. */
    private static String authorization(JsonObject frame) {
        Object headers = frame == null ? null : frame.getValue("headers");
        Object authorization = headers instanceof JsonObject map ? map.getValue("authorization") : null;
        return authorization instanceof String text ? text : null;
    }

    private void refuse(BridgeEvent event, String kind, String reason) {
        stats.deny(kind, reason);
        event.complete(false);
    }
}
