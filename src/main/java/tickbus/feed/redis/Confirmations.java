package tickbus.feed.redis;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import tickbus.feed.SubscriptionException;

/**
 * (P)(UN)SUBSCRIBE commands sent and not yet confirmed. Redis confirms each channel or pattern with its own push
 * ({@code [subscribe, channel, count]}); a command completes when every name it carried was confirmed, and fails
 * when Redis answers it with an error (replies come in command order, so an error belongs to the oldest command) or
 * when its deadline passes first.
 * Used only on the feed's event loop.
 */
final class Confirmations {

    /** The push kinds that confirm a command, named as Redis names them. */
    enum Kind {
        SUBSCRIBE("subscribe"), UNSUBSCRIBE("unsubscribe"), PSUBSCRIBE("psubscribe"), PUNSUBSCRIBE("punsubscribe");

        final String push;

        Kind(String push) {
            this.push = push;
        }
    }

    private static final class Pending {
        final Kind kind;
        final Set<String> awaiting;
        final Promise<Void> done = Promise.promise();

        Pending(Kind kind, List<String> names) {
            this.kind = kind;
            this.awaiting = new LinkedHashSet<>(names);
        }
    }

    /** A command whose deadline passed before Redis confirmed every name it carried. */
    static final class NotConfirmed extends SubscriptionException {
        NotConfirmed(String message) {
            super(message, false);
        }
    }

    private final ArrayDeque<Pending> pending = new ArrayDeque<>();

    /** Expect confirmations of {@code names}; the future completes when all arrived. */
    Future<Void> expect(Kind kind, List<String> names) {
        Pending command = new Pending(kind, names);
        pending.addLast(command);
        return command.done.future();
    }

    /** A confirmation push arrived; false when no command awaited it. */
    boolean confirmed(Kind kind, String name) {
        for (Iterator<Pending> it = pending.iterator(); it.hasNext(); ) {
            Pending command = it.next();
            if (command.kind == kind && command.awaiting.remove(name)) {
                if (command.awaiting.isEmpty()) {
                    it.remove();
                    command.done.complete();
                }
                return true;
            }
        }
        return false;
    }

    /** Redis answered the oldest command with an error; false when none was pending. */
    boolean errorReply(String message) {
        Pending command = pending.pollFirst();
        if (command == null) {
            return false;
        }
        boolean permanent = message.startsWith("NOPERM") || message.startsWith("ERR unknown command");
        command.done.fail(new SubscriptionException(command.kind.push + " refused by redis: names="
                + command.awaiting + ", reply=" + message, permanent));
        return true;
    }

    /** The command could not be sent: forget it and fail it. */
    void sendFailed(Future<Void> command, Throwable cause) {
        fail(command, p -> new SubscriptionException(p.kind.push + " not sent: names=" + p.awaiting + ", cause="
                + cause.getMessage(), false));
    }

    /**
     * The command's deadline passed with names still unconfirmed: forget it and fail it (transiently: the reply may
     * have been lost). A confirmation arriving later confirms a newer command for the name, if one waits, else it is
     * counted as unexpected.
     */
    void timedOut(Future<Void> command, long timeoutMillis) {
        fail(command, p -> new NotConfirmed(p.kind.push + " not confirmed: names=" + p.awaiting
                + ", subscribeTimeoutMillis=" + timeoutMillis));
    }

    private void fail(Future<Void> command, Function<Pending, SubscriptionException> error) {
        pending.removeIf(p -> p.done.future() == command && p.done.tryFail(error.apply(p)));
    }

    /** The connection is gone: every command fails (transiently; the engine resubscribes after reconnecting). */
    void failAll(String reason) {
        Pending command;
        while ((command = pending.pollFirst()) != null) {
            command.done.tryFail(new SubscriptionException(command.kind.push + " not confirmed: names="
                    + command.awaiting + ", reason=" + reason, false));
        }
    }
}
