package tickbus.feed.redis;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import io.vertx.redis.client.ResponseType;
import io.vertx.redis.client.impl.CommandImpl;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tickbus.feed.ConnectionContext;
import tickbus.feed.FeedConnection;
import tickbus.protocol.redisjson.PayloadFormat;

/**
 * A subscribed Redis connection: an instrument's channels are SUBSCRIBEd on demand and count as subscribed only
 * once Redis confirmed each; configured patterns are PSUBSCRIBEd before the connection is handed to the engine. A
 * command not confirmed within {@code subscribeTimeoutMillis} fails (the engine retries a subscribe, a connect).
 * Every message becomes one frame (channel + payload); frames of one event-loop turn go to the workers together.
 * A PING every {@code pingIntervalMillis} keeps the engine's heartbeat watchdog fed, so a half-open socket is
 * caught. Used only on the feed's event loop.
 */
final class PubSubConnection implements FeedConnection {

    private static final Buffer MESSAGE = Buffer.buffer("message");
    private static final Buffer PATTERN_MESSAGE = Buffer.buffer("pmessage");
    /** RESP framing around a message's channel and payload, roughly; for the keep-alive byte count. */
    private static final int PUSH_OVERHEAD_BYTES = 32;
    /**
     * PING sent as the client sends (P)(UN)SUBSCRIBE: without a reply slot. The Vert.x client (5.0.7) hands the
     * oldest waiting reply slot whatever arrives next, pushes included, so a PING waiting for its PONG was answered
     * by a message or a subscribe confirmation, and a SUBSCRIBE's error reply went to the PING. With nothing waiting
     * on this connection, PONGs and error replies all reach {@link #push}.
     */
    private static final Command KEEP_ALIVE_PING = new CommandImpl("ping", -1, true, true, false);

    private final ConnectionContext context;
    private final Context eventLoop;
    private final RedisSession session;
    private final RedisConnection connection;
    private final RedisFeedSettings settings;
    private final RedisFeedCounters counters;
    private final Confirmations confirmations = new Confirmations();
    // Keyed by String: Buffer hash codes of names that differ in a few characters collide in a HashMap.
    private final Map<String, PayloadFormat> channelFormats = new HashMap<>();
    private final Map<String, PayloadFormat> patternFormats = new HashMap<>();
    /** A message's channel as a String without decoding its bytes each time. */
    private final ChannelNames channelNames = new ChannelNames();
    private final Buffer frame = Buffer.buffer(1024);
    private boolean flushScheduled;
    private long pendingMessages;
    private long pendingBytes;
    private boolean closed;
    private long lastPingMillis;

    private PubSubConnection(ConnectionContext context, RedisSession session, RedisFeedSettings settings,
            RedisFeedCounters counters) {
        this.context = context;
        this.eventLoop = context.vertx().getOrCreateContext();
        this.session = session;
        this.connection = session.connection();
        this.settings = settings;
        this.counters = counters;
        this.lastPingMillis = context.clock().millis();
    }

    /** Take over {@code session}: wire the handlers and hold the configured patterns. */
    static Future<FeedConnection> open(ConnectionContext context, RedisSession session, RedisFeedSettings settings,
            RedisFeedCounters counters) {
        PubSubConnection pubSub = new PubSubConnection(context, session, settings, counters);
        pubSub.connection.handler(pubSub::push)
                .endHandler(v -> pubSub.lost("redis closed the connection"))
                .exceptionHandler(e -> pubSub.lost("redis connection failed: " + e.getMessage()));
        if (settings.patterns().isEmpty()) {
            return Future.succeededFuture(pubSub);
        }
        List<String> patterns = new ArrayList<>();
        settings.patterns().forEach(pattern -> {
            patterns.add(pattern.pattern());
            pubSub.patternFormats.put(pattern.pattern(), pattern.payload());
        });
        return pubSub.command(Command.PSUBSCRIBE, Confirmations.Kind.PSUBSCRIBE, patterns).<FeedConnection>map(pubSub)
                .recover(e -> Future.failedFuture(e instanceof Confirmations.NotConfirmed
                        ? new RedisSessionException(RedisSessionException.Kind.TIMEOUT, e.getMessage(), e) : e));
    }

    @Override
    public Future<Void> subscribe(String instrument) {
        if (settings.channels().isEmpty()) {
            return Future.succeededFuture();
        }
        List<String> names = new ArrayList<>();
        for (ChannelTemplate template : settings.channels()) {
            String channel = template.channelOf(instrument);
            names.add(channel);
            channelFormats.put(channel, template.payload());
        }
        return command(Command.SUBSCRIBE, Confirmations.Kind.SUBSCRIBE, names);
    }

    @Override
    public Future<Void> unsubscribe(String instrument) {
        if (settings.channels().isEmpty()) {
            return Future.succeededFuture();
        }
        List<String> names = new ArrayList<>();
        settings.channels().forEach(template -> names.add(template.channelOf(instrument)));
        return command(Command.UNSUBSCRIBE, Confirmations.Kind.UNSUBSCRIBE, names)
                .onSuccess(v -> names.forEach(this::unsubscribed));
    }

    /**
     * Tell the channel's worker, after the channel's last message, that nothing more is heard on it: what it last
     * heard there is no current state for a subscriber who comes later.
     */
    private void unsubscribed(String channel) {
        PayloadFormat format = channelFormats.remove(channel);
        Buffer name = Buffer.buffer(channel);
        if (format != null && !closed && name.length() <= RedisFrames.MAX_CHANNEL_BYTES) {
            context.notice(frame, 0, RedisFrames.writeUnsubscribed(frame, format, name));
            scheduleEndOfTurn();
        }
    }

    private Future<Void> command(Command command, Confirmations.Kind kind, List<String> names) {
        if (closed) {
            return Future.failedFuture(new tickbus.feed.SubscriptionException("connection closed: names=" + names,
                    false));
        }
        Future<Void> confirmed = confirmations.expect(kind, names);
        long timeoutMillis = settings.subscribeTimeoutMillis();
        long deadline = context.vertx().setTimer(timeoutMillis,
                id -> confirmations.timedOut(confirmed, timeoutMillis));
        confirmed.onComplete(result -> context.vertx().cancelTimer(deadline));
        Request request = Request.cmd(command);
        names.forEach(request::arg);
        connection.send(request).onFailure(e -> confirmations.sendFailed(confirmed, e));
        return confirmed;
    }

    private void push(Response push) {
        if (push == null) {
            return;
        }
        ResponseType type = push.type();
        if (isPong(push, type)) {
            counters.pongs.increment();
            context.bytesReceived(PUSH_OVERHEAD_BYTES);
            return;
        }
        if (type == ResponseType.ERROR) {
            counters.errorReplies.increment();
            confirmations.errorReply(push.toString());
            return;
        }
        if (type != ResponseType.PUSH && type != ResponseType.MULTI || push.size() < 3) {
            counters.unexpectedPushes.increment();
            return;
        }
        Buffer kind = push.get(0).toBuffer();
        if (push.size() == 3 && kind.equals(MESSAGE)) {
            Buffer channel = push.get(1).toBuffer();
            message(channelFormats.get(channelNames.of(channel, 0, channel.length())), channel,
                    push.get(2).toBuffer());
        } else if (push.size() == 4 && kind.equals(PATTERN_MESSAGE)) {
            message(patternFormats.get(push.get(1).toString()), push.get(2).toBuffer(), push.get(3).toBuffer());
        } else {
            context.bytesReceived(PUSH_OVERHEAD_BYTES);
            confirmation(kind.toString(), push.get(1).toString());
        }
    }

    /** {@code +PONG} (RESP3), or {@code [pong, ""]} (a subscribed RESP2 connection). */
    private static boolean isPong(Response reply, ResponseType type) {
        if (type == ResponseType.SIMPLE) {
            return "PONG".equalsIgnoreCase(reply.toString());
        }
        return (type == ResponseType.MULTI || type == ResponseType.PUSH) && reply.size() == 2
                && "pong".equalsIgnoreCase(reply.get(0).toString());
    }

    private void message(PayloadFormat format, Buffer channel, Buffer payload) {
        pendingBytes += channel.length() + payload.length() + PUSH_OVERHEAD_BYTES;
        pendingMessages++;
        scheduleEndOfTurn();
        if (format == null) {
            counters.unexpectedPushes.increment();
            return;
        }
        if (channel.length() > RedisFrames.MAX_CHANNEL_BYTES) {
            counters.oversizedNames.increment();
            return;
        }
        int position = RedisFrames.writeHeader(frame, format, false, 0, channel);
        frame.setBuffer(position, payload);
        context.frame(0, frame, 0, position + payload.length());
    }

    /**
     * At the end of this event-loop turn, count its messages and bytes once and hand its frames to the workers
     * together (a count per message cost more than the message's frame).
     */
    private void scheduleEndOfTurn() {
        if (!flushScheduled) {
            flushScheduled = true;
            eventLoop.runOnContext(v -> {
                flushScheduled = false;
                counters.messages.add(pendingMessages);
                pendingMessages = 0;
                RedisFrames.bytesReceived(context, pendingBytes);
                pendingBytes = 0;
                context.endOfRead();
            });
        }
    }

    private void confirmation(String kind, String name) {
        for (Confirmations.Kind candidate : Confirmations.Kind.values()) {
            if (candidate.push.equals(kind)) {
                (candidate == Confirmations.Kind.SUBSCRIBE || candidate == Confirmations.Kind.PSUBSCRIBE
                        ? counters.subscribeConfirmations : counters.unsubscribeConfirmations).increment();
                if (!confirmations.confirmed(candidate, name)) {
                    counters.unexpectedPushes.increment();
                }
                return;
            }
        }
        counters.unexpectedPushes.increment();
    }

    @Override
    public void tick(long nowMillis) {
        if (closed || nowMillis - lastPingMillis < settings.pingIntervalMillis()) {
            return;
        }
        lastPingMillis = nowMillis;
        counters.pingsSent.increment();
        connection.send(Request.cmd(KEEP_ALIVE_PING));
    }

    @Override
    public void pause() {
        connection.pause();
    }

    @Override
    public void resume() {
        connection.resume();
    }

    private void lost(String reason) {
        if (!closed) {
            closed = true;
            confirmations.failAll(reason);
            context.connectionLost(reason);
        }
    }

    @Override
    public Future<Void> close() {
        closed = true;
        confirmations.failAll("closing");
        return session.close();
    }

    @Override
    public void abort() {
        closed = true;
        confirmations.failAll("aborted");
        session.close();
    }
}
