package tickbus.sim;

import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import java.util.List;

/** One client's connection to a {@link SimVenue}; everything is delivered on the client's context. */
public final class SimSession {

    /** What a client receives. */
    public interface Receiver {
        void messages(long firstSequence, List<Buffer> messages);

        void heartbeat();

        void dropped(String reason);

        void endOfSession();
    }

    private final SimVenue venue;
    private final Context context;
    private final Receiver receiver;
    private final long sessionId;
    private volatile boolean open = true;

    SimSession(SimVenue venue, Context context, Receiver receiver, long sessionId) {
        this.venue = venue;
        this.context = context;
        this.receiver = receiver;
        this.sessionId = sessionId;
    }

    public long sessionId() {
        return sessionId;
    }

    public io.vertx.core.Future<Void> subscribe(String symbol) {
        return venue.subscribe(symbol);
    }

    public void requestReplay(long from) {
        venue.replay(this, from);
    }

    public void close() {
        open = false;
        venue.closed(this);
    }

    void send(long firstSequence, List<Buffer> messages) {
        if (messages.isEmpty()) {
            return;
        }
        List<Buffer> copy = List.copyOf(messages);
        context.runOnContext(v -> {
            if (open) {
                receiver.messages(firstSequence, copy);
            }
        });
    }

    void heartbeat() {
        context.runOnContext(v -> {
            if (open) {
                receiver.heartbeat();
            }
        });
    }

    void drop(String reason) {
        close();
        context.runOnContext(v -> receiver.dropped(reason));
    }

    void endOfSession() {
        close();
        context.runOnContext(v -> receiver.endOfSession());
    }
}
