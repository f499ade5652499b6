package tickbus.sim.fixml;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Polls the server holds until updates for their instruments arrive or their wait ends; a held poll whose
 * client goes away is forgotten. Used on the server's context, except {@link #wakeSoon}.
 */
final class HeldPolls {

    private static final class Held {
        final HttpServerRequest request;
        final long cursor;
        final Set<String> filter;
        long timer;

        Held(HttpServerRequest request, long cursor, Set<String> filter) {
            this.request = request;
            this.cursor = cursor;
            this.filter = filter;
        }
    }

    private final Vertx vertx;
    private final Supplier<UpdateLog> log;
    private final int maxBatchEntries;
    private final FaultyAnswers answers;
    private final List<Held> waiting = new ArrayList<>();
    private final AtomicBoolean wakeScheduled = new AtomicBoolean();

    HeldPolls(Vertx vertx, Supplier<UpdateLog> log, int maxBatchEntries, FaultyAnswers answers) {
        this.vertx = vertx;
        this.log = log;
        this.maxBatchEntries = maxBatchEntries;
        this.answers = answers;
    }

    /** Answers at once when there are updates for the poll (or it does not wait), else holds it. */
    void answerOrHold(HttpServerRequest request, long cursor, Set<String> filter, long waitMillis) {
        UpdateLog current = log.get();
        UpdateLog.Selection selection = current.select(cursor, filter, maxBatchEntries);
        if (selection.count() > 0 || waitMillis == 0) {
            answers.answer(request, current, selection);
            return;
        }
        Held held = new Held(request, cursor, filter);
        held.timer = vertx.setTimer(waitMillis, id -> {
            if (waiting.remove(held)) {
                answer(held);
            }
        });
        request.response().closeHandler(v -> {
            if (waiting.remove(held)) {
                vertx.cancelTimer(held.timer);
            }
        });
        waiting.add(held);
    }

    /** Updates were appended (from any thread): held polls that now have some are answered on the context. */
    void wakeSoon(Context context) {
        if (wakeScheduled.compareAndSet(false, true)) {
            context.runOnContext(v -> {
                wakeScheduled.set(false);
                wake();
            });
        }
    }

    /** A crash: held polls are forgotten (their connections are closed with the server). */
    void dropAll() {
        waiting.forEach(held -> vertx.cancelTimer(held.timer));
        waiting.clear();
    }

    private void wake() {
        for (Held held : List.copyOf(waiting)) {
            UpdateLog current = log.get();
            if (!current.holds(held.cursor) || current.select(held.cursor, held.filter, 1).count() > 0) {
                waiting.remove(held);
                vertx.cancelTimer(held.timer);
                answer(held);
            }
        }
    }

    private void answer(Held held) {
        UpdateLog current = log.get();
        if (current.holds(held.cursor)) {
            answers.answer(held.request, current, current.select(held.cursor, held.filter, maxBatchEntries));
        } else {
            answers.notHeld(held.request, current, held.cursor);
        }
    }
}
