package tickbus.strategy;

import io.vertx.core.Context;
import io.vertx.core.Handler;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tickbus.event.EventKind;
import tickbus.event.InstrumentState;
import tickbus.event.InstrumentStatus;
import tickbus.event.MarketEvent;

/**
 * Receives one subscription's events: drops duplicates by (kind, source, sequence), conflates when asked, and
 * isolates the handler: an exception is logged with the strategy's name (at most once a second), counted, and the
 * subscription keeps receiving.
 *
 * <p>For a strategy on a worker context (one that may block), events arrive on an intake event loop
 * ({@link #arrive}) and wait in a bounded queue for the strategy's context ({@link #drain}), so that a strategy that
 * blocks or falls behind holds at most {@code maxPending} events, not an unbounded backlog in its context's task
 * queue (which would grow the heap until garbage collection stalls the whole node). When the queue is full, an
 * {@link MarketData.Delivery#EVERY} subscription keeps only the latest event of each kind until it has caught up; it
 * then receives a {@code GAP} status saying how many it skipped, and the latest events. A
 * {@link MarketData.Delivery#CONFLATED} subscription keeps only the latest quote and book, but queues trades like
 * {@code EVERY}: a trade is never conflated away without a {@code GAP}.
 *
 * <p>Statuses are queued too while fewer than {@code maxPendingStatuses} wait (a flapping feed must not grow the
 * heap either), each after at most the latest quote, trade and book, so a subscription holds at most about
 * {@code maxPending + 4 * maxPendingStatuses} events. Beyond that they are coalesced: the strategy is behind, as
 * when the queue is full, and keeps the latest venue state, the latest data health and the latest {@code RESET} (see
 * {@link LatestEvents}); the {@code GAP} status it then receives also says how many statuses were coalesced away.
 *
 * <p>Order is kept: a status (or a queued trade) is delivered after the conflated events that arrived before it,
 * never ahead of them, and events that arrive after a status never overtake it. So a strategy never takes a quote
 * from before a {@code HALTED} or {@code RESET} for the latest one.
 */
final class SubscriptionReceiver {

    /** Events an {@link MarketData.Delivery#EVERY} subscription holds for a strategy that is behind. */
    static final int MAX_PENDING_EVENTS = 65_536;
    /** Statuses a subscription holds for a strategy that is behind before it coalesces them. */
    static final int MAX_PENDING_STATUSES = 1_024;
    /** Events handed to the strategy per task on its context, so that its other work interleaves. */
    private static final int EVENTS_PER_TURN = 1_024;

    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionReceiver.class);

    private final Context context;
    private final MarketData.Delivery delivery;
    private final Handler<MarketEvent> handler;
    private final StrategyMetrics strategy;
    private final int maxPending;
    private final int maxPendingStatuses;
    /** Strategy's context only. */
    private final LastSequences lastSequences = new LastSequences();
    /** Guarded by this, as are the fields up to {@link #conflated}. */
    private final ArrayDeque<MarketEvent> pending = new ArrayDeque<>();
    private final LatestEvents latest = new LatestEvents();
    /** Statuses in {@link #pending}. */
    private int pendingStatuses;
    private boolean behind;
    private long skippedWhileBehind;
    private long coalescedStatuses;
    private boolean drainScheduled;
    private long conflated;
    /** Counted on the intake thread and on the strategy's context. */
    private final AtomicLong duplicates = new AtomicLong();
    private volatile boolean closed;

    SubscriptionReceiver(Context context, MarketData.Delivery delivery, Handler<MarketEvent> handler,
            StrategyMetrics strategy) {
        this(context, delivery, handler, strategy, MAX_PENDING_EVENTS);
    }

    SubscriptionReceiver(Context context, MarketData.Delivery delivery, Handler<MarketEvent> handler,
            StrategyMetrics strategy, int maxPending) {
        this(context, delivery, handler, strategy, maxPending, MAX_PENDING_STATUSES);
    }

    SubscriptionReceiver(Context context, MarketData.Delivery delivery, Handler<MarketEvent> handler,
            StrategyMetrics strategy, int maxPending, int maxPendingStatuses) {
        this.context = context;
        this.delivery = delivery;
        this.handler = handler;
        this.strategy = strategy;
        this.maxPending = maxPending;
        this.maxPendingStatuses = maxPendingStatuses;
    }

    /** An event from the bus, on any thread; the strategy gets it on its own context. */
    void arrive(MarketEvent event) {
        if (closed) {
            return;
        }
        synchronized (this) {
            if (event instanceof InstrumentStatus ? pendingStatuses < maxPendingStatuses
                    : !conflates(event) && !behind && pending.size() < maxPending) {
                takeLatestIntoQueue();
                queue(event);
            } else {
                keepLatest(event);
            }
            if (drainScheduled) {
                return;
            }
            drainScheduled = true;
        }
        context.runOnContext(v -> drain());
    }

    /** Whether only the latest event of this kind is wanted: quotes and books of a conflated subscription. */
    private boolean conflates(MarketEvent event) {
        return delivery == MarketData.Delivery.CONFLATED && event.kind() != EventKind.TRADE;
    }

    /**
     * Keep the newest event per kind (see {@link LatestEvents}). A kept status makes the subscription behind too, so
     * that no later event overtakes it through the queue.
     */
    private void keepLatest(MarketEvent event) {
        // Not one the strategy will never see: it has this one, or a newer one, already.
        if (latest.isStale(event)) {
            duplicates.incrementAndGet();
            return;
        }
        if (event instanceof InstrumentStatus) {
            behind = true;
        } else if (!conflates(event)) {
            behind = true;
            skippedWhileBehind++;
        }
        MarketEvent replaced = latest.keep(event);
        if (replaced != null) {
            conflated++;
            if (replaced instanceof InstrumentStatus) {
                coalescedStatuses++;
            }
        }
    }

    private void queue(MarketEvent event) {
        pending.add(event);
        if (event instanceof InstrumentStatus) {
            pendingStatuses++;
        }
    }

    private MarketEvent poll() {
        MarketEvent event = pending.poll();
        if (event instanceof InstrumentStatus) {
            pendingStatuses--;
        }
        return event;
    }

    /**
     * Queue the kept latest events, in the order they arrived, after a {@code GAP} status when events were skipped
     * or statuses coalesced to keep them; the strategy is no longer behind.
     */
    private void takeLatestIntoQueue() {
        if (latest.isEmpty()) {
            return;
        }
        List<MarketEvent> kept = latest.take();
        // Every event kept instead of queued was counted as skipped; the ones delivered now were not lost.
        for (MarketEvent event : kept) {
            if (!(event instanceof InstrumentStatus) && !conflates(event)) {
                skippedWhileBehind--;
            }
        }
        if (skippedWhileBehind > 0 || coalescedStatuses > 0) {
            MarketEvent first = kept.get(0);
            queue(new InstrumentStatus(first.instrument(), first.venue(), first.source(), first.sequence(),
                    first.exchangeTimeNanos(), first.receiveTimeNanos(), InstrumentState.GAP, 0, 0, behindReason()));
        }
        kept.forEach(this::queue);
        skippedWhileBehind = 0;
        coalescedStatuses = 0;
        behind = false;
    }

    private String behindReason() {
        if (coalescedStatuses == 0) {
            return "strategy behind: skipped=" + skippedWhileBehind + " events, maxPendingEvents=" + maxPending
                    + "; the latest of each kind follows";
        }
        return "strategy behind: skipped=" + skippedWhileBehind + " events, coalescedStatuses=" + coalescedStatuses
                + ", maxPendingEvents=" + maxPending + ", maxPendingStatuses=" + maxPendingStatuses
                + "; the latest venue state, data health, reset and the latest of each kind follow";
    }

    private void drain() {
        List<MarketEvent> turn;
        synchronized (this) {
            if (pending.isEmpty()) {
                takeLatestIntoQueue();
            }
            turn = new ArrayList<>(Math.min(EVENTS_PER_TURN, pending.size()));
            while (turn.size() < EVENTS_PER_TURN && !pending.isEmpty()) {
                turn.add(poll());
            }
        }
        turn.forEach(this::receive);
        synchronized (this) {
            if (pending.isEmpty() && latest.isEmpty()) {
                drainScheduled = false;
                return;
            }
        }
        context.runOnContext(v -> drain());
    }

    /** On the strategy's context: drop duplicates, deliver the rest (the unqueued path of an event-loop strategy). */
    void receive(MarketEvent event) {
        if (closed) {
            return;
        }
        if (event instanceof InstrumentStatus status) {
            if (status.state() == InstrumentState.RESET) {
                lastSequences.clear();
            }
            deliver(event);
            return;
        }
        if (!lastSequences.advance(event)) {
            duplicates.incrementAndGet();
            return;
        }
        deliver(event);
    }

    private void deliver(MarketEvent event) {
        StrategyThreads.Slot slot = StrategyThreads.current();
        StrategyMetrics previous = slot.enter(strategy);
        try {
            handler.handle(event);
            strategy.eventDelivered();
        } catch (Throwable e) {
            // A stack overflow unwound the handler's own frames: a handler bug like any other. Escaping, it would
            // leave a worker strategy's drain scheduled for ever, and the subscription silent.
            if (e instanceof VirtualMachineError && !(e instanceof StackOverflowError)) {
                throw e;
            }
            long unreported = strategy.handlerFailed(System.nanoTime());
            if (unreported > 0) {
                LOG.error("strategy handler failed, the subscription keeps receiving: strategy={}, instrument={}, "
                        + "kind={}, seq={}, failures={}, sinceLastReport={}", strategy.name(), event.instrument(),
                        event.kind(), event.sequence(), strategy.handlerFailures(), unreported, e);
            }
        } finally {
            slot.exit(previous);
        }
    }

    /** The subscription is closed: the handler gets nothing more, not even the events still queued for it. */
    void close() {
        closed = true;
    }

    long duplicatesDropped() {
        return duplicates.get();
    }

    synchronized long conflated() {
        return conflated;
    }
}
