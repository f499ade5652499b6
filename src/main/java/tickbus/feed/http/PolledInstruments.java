package tickbus.feed.http;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import tickbus.feed.SubscriptionException;

/**
 * The symbols a connection's polls carry: those followed (confirmed; the set outlives connections, so the first
 * poll after a reconnect resumes every instrument at the cursor) and those joining on this connection. Every
 * change gets a version. A joining symbol's snapshot is requested once a poll carrying it has been sent: the
 * poll before it, which did not carry the symbol, has been answered by then, so no answer can skip the snapshot's
 * position for want of the symbol. A join completes when that snapshot request and a poll carrying the symbol
 * were answered, and the symbol is then followed; a leave completes when a poll without it was answered. Used on
 * the feed's event loop.
 */
final class PolledInstruments {

    private static final class Change {
        final int version;
        final Promise<Void> done = Promise.promise();
        final String joiningSymbol;
        boolean answered;
        boolean acknowledged;
        boolean snapshotRequested;

        Change(int version, String joiningSymbol) {
            this.version = version;
            this.joiningSymbol = joiningSymbol;
            this.acknowledged = joiningSymbol == null;
        }
    }

    private final Set<String> followed;
    private final LongPollClient client;
    private final Consumer<ResponseRange> snapshotsAppended;
    private final Consumer<Throwable> snapshotFailed;
    private final Map<String, Change> joining = new LinkedHashMap<>();
    private final List<Change> waiting = new ArrayList<>();
    private int version;
    private String parameter;

    /**
     * {@code followed} is owned by the protocol and changed here only; {@code snapshotsAppended} is told where
     * the server appended the snapshots of joining symbols, {@code snapshotFailed} why their request failed
     * (after the joins failed; a {@link SnapshotRefused} may carry the server's {@code Retry-After}).
     */
    PolledInstruments(Set<String> followed, LongPollClient client, Consumer<ResponseRange> snapshotsAppended,
            Consumer<Throwable> snapshotFailed) {
        this.followed = followed;
        this.client = client;
        this.snapshotsAppended = snapshotsAppended;
        this.snapshotFailed = snapshotFailed;
    }

    /** Adds a symbol to the polls; completes when it joined (see the class), at once for one already followed. */
    Future<Void> subscribe(String symbol) {
        if (symbol.isEmpty() || symbol.indexOf(FixmlLongPoll.INSTRUMENT_SEPARATOR) >= 0) {
            return Future.failedFuture(new SubscriptionException("symbol cannot be named in the instruments "
                    + "parameter: symbol=" + symbol + ", separator=" + FixmlLongPoll.INSTRUMENT_SEPARATOR, true));
        }
        if (followed.contains(symbol)) {
            return Future.succeededFuture();
        }
        Change existing = joining.get(symbol);
        if (existing != null) {
            return existing.done.future();
        }
        String tooLong = client.tooLong(parameterWith(symbol));
        if (tooLong != null) {
            return Future.failedFuture(new SubscriptionException("poll request line would exceed max: " + tooLong
                    + ", instruments=" + (all().size() + 1) + ", symbol=" + symbol
                    + "; raise maxRequestLineChars if the server allows", true));
        }
        Change change = change(symbol);
        joining.put(symbol, change);
        return change.done.future();
    }

    /** A poll carrying {@code sentVersion} was sent: the joins it carries get one snapshot request together. */
    void pollSent(int sentVersion) {
        List<String> requested = new ArrayList<>();
        joining.forEach((symbol, change) -> {
            if (change.version <= sentVersion && !change.snapshotRequested) {
                change.snapshotRequested = true;
                requested.add(symbol);
            }
        });
        if (requested.isEmpty()) {
            return;
        }
        client.snapshot(LongPollClient.parameter(requested)).onComplete(result -> {
            if (result.failed()) {
                failJoins(requested, new SubscriptionException("snapshot request failed: "
                        + result.cause().getMessage(), false));
                snapshotFailed.accept(result.cause());
                return;
            }
            acknowledged(requested);
            snapshotsAppended.accept(result.result());
        });
    }

    boolean isFollowed(String symbol) {
        return followed.contains(symbol);
    }

    boolean isJoining(String symbol) {
        return joining.containsKey(symbol);
    }

    int version() {
        return version;
    }

    /** Followed and joining symbols. */
    Set<String> all() {
        Set<String> all = new LinkedHashSet<>(followed);
        all.addAll(joining.keySet());
        return all;
    }

    /** The {@code instruments} parameter value: the symbols, URL-encoded, comma-separated. */
    String parameter() {
        if (parameter == null) {
            parameter = LongPollClient.parameter(all());
        }
        return parameter;
    }

    private String parameterWith(String symbol) {
        Set<String> candidate = all();
        candidate.add(symbol);
        return LongPollClient.parameter(candidate);
    }

    Future<Void> leave(String symbol) {
        followed.remove(symbol);
        Change joined = joining.remove(symbol);
        if (joined != null) {
            waiting.remove(joined);
            joined.done.tryFail("left before the join completed: symbol=" + symbol);
        }
        return change(null).done.future();
    }

    /** A poll that carried {@code answeredVersion} was answered. */
    void answered(int answeredVersion) {
        for (Change change : waiting) {
            if (change.version <= answeredVersion) {
                change.answered = true;
            }
        }
        settle();
    }

    private void acknowledged(Collection<String> symbols) {
        for (String symbol : symbols) {
            Change change = joining.get(symbol);
            if (change != null) {
                change.acknowledged = true;
            }
        }
        settle();
    }

    /** The joins of {@code symbols} failed: they leave the polled set. */
    private void failJoins(Collection<String> symbols, Throwable cause) {
        for (String symbol : symbols) {
            Change change = joining.remove(symbol);
            if (change != null) {
                waiting.remove(change);
                change.done.tryFail(cause);
                parameter = null;
                version++;
            }
        }
    }

    /** The connection is gone: joins are abandoned (followed symbols stay followed). */
    void failAll(String reason) {
        for (Change change : waiting) {
            change.done.tryFail(reason);
        }
        waiting.clear();
        joining.clear();
        parameter = null;
    }

    private Change change(String joiningSymbol) {
        parameter = null;
        Change change = new Change(++version, joiningSymbol);
        waiting.add(change);
        return change;
    }

    private void settle() {
        Iterator<Change> pending = waiting.iterator();
        while (pending.hasNext()) {
            Change change = pending.next();
            if (change.answered && change.acknowledged) {
                pending.remove();
                if (change.joiningSymbol != null && joining.remove(change.joiningSymbol) != null) {
                    followed.add(change.joiningSymbol);
                }
                change.done.tryComplete();
            }
        }
    }
}
