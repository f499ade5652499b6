package tickbus.strategy;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import tickbus.Addresses;
import tickbus.TickbusNode;
import tickbus.demand.ServingFeed;
import tickbus.event.EventKind;
import tickbus.event.InstrumentStatus;
import tickbus.event.MarketEvent;
import tickbus.feed.FeedClock;

/** {@link MarketData} over the (clustered) event bus and the demand registry. */
final class EventBusMarketData implements MarketData {

    private static final long SNAPSHOT_WINDOW_MILLIS = 10_000;
    /** How often a subscription that no feed answered asks again, whatever else happens. */
    private static final long UNSERVED_RETRY_MILLIS = 5_000;

    private final TickbusNode node;
    private final StrategyMetrics strategy;

    EventBusMarketData(TickbusNode node, StrategyMetrics strategy) {
        this.node = node;
        this.strategy = strategy;
    }

    @Override
    public Future<MarketDataSubscription> subscribe(String instrument, Set<EventKind> kinds, Delivery delivery,
            Handler<MarketEvent> handler) {
        if (instrument == null || instrument.indexOf(':') <= 0 || instrument.endsWith(":")) {
            return Future.failedFuture(new IllegalArgumentException(
                    "instrument must be VENUE:SYMBOL: instrument=" + instrument));
        }
        Set<EventKind> wanted = kinds.isEmpty() ? EnumSet.noneOf(EventKind.class) : EnumSet.copyOf(kinds);
        wanted.add(EventKind.STATUS);
        ContextInternal caller = (ContextInternal) node.vertx().getOrCreateContext();
        SubscriptionReceiver receiver = new SubscriptionReceiver(caller, delivery, handler, strategy);
        // A strategy on a worker context may block: its consumers live on an event loop of their own and queue into
        // the receiver's bounded queue (see SubscriptionReceiver). One on an event loop must not block, and takes
        // each event directly (conflation still goes through the queue), saving a thread hop per event.
        boolean direct = !caller.isWorkerContext() && delivery == Delivery.EVERY;
        Context consumersContext = caller.isWorkerContext()
                ? ((VertxInternal) node.vertx()).createEventLoopContext() : caller;
        Handler<MarketEvent> take = direct ? receiver::receive : receiver::arrive;
        Snapshots snapshots = new Snapshots(instrument, wanted, consumersContext, take);
        Promise<List<MessageConsumer<?>>> registered = caller.promise();
        consumersContext.runOnContext(v -> {
            List<MessageConsumer<?>> consumers = new ArrayList<>();
            for (EventKind kind : wanted) {
                consumers.add(node.vertx().eventBus().<MarketEvent>consumer(Addresses.marketData(kind, instrument),
                        kind == EventKind.STATUS ? snapshots::statusArrived : message -> take.handle(message.body())));
            }
            consumers.add(snapshots.replyConsumer());
            registered.complete(consumers);
        });
        return registered.future().compose(consumers -> {
            List<Future<Void>> registrations = new ArrayList<>();
            consumers.forEach(consumer -> registrations.add(consumer.completion()));
            MessageConsumer<?> replies = consumers.get(consumers.size() - 1);
            Handle handle = new Handle(instrument, wanted, consumers, receiver, snapshots);
            return Future.all(registrations)
                    .compose(v -> node.demand().acquire(instrument, wanted))
                    .onSuccess(v -> {
                        snapshots.watchDepartures();
                        snapshots.request(replies);
                        snapshots.retryWhileUnserved();
                    })
                    .map(v -> (MarketDataSubscription) handle)
                    .onFailure(e -> {
                        // The caller gets a failed future and no handle: nothing more may reach its handler.
                        receiver.close();
                        consumers.forEach(MessageConsumer::unregister);
                    });
        });
    }

    /**
     * One subscription's snapshot requests: the first right after subscribing, and again while no feed has answered
     * (the feed started later, or its node left). Each answer says which node serves the instrument, so that its
     * departure is told to the strategy as a {@code STALE} (see {@link ServingWatch}).
     */
    private final class Snapshots implements FeedDepartures.Listener {

        private final String instrument;
        private final Set<EventKind> wanted;
        private final Context consumersContext;
        private final Handler<MarketEvent> take;
        private final ServingWatch watch;
        /** Only a clustered node's subscriptions can lose their feed's node; a node alone asks once. */
        private final boolean watching;
        private final AtomicBoolean retrying = new AtomicBoolean();
        /** A request asked for and not yet published: it serves whatever asks again meanwhile. */
        private final AtomicBoolean requestPending = new AtomicBoolean();
        private volatile boolean closed;
        /** The node's departure watch once joined: closing leaves it, and never installs one on a closing node. */
        private volatile FeedDepartures departures;

        Snapshots(String instrument, Set<EventKind> wanted, Context consumersContext, Handler<MarketEvent> take) {
            this.instrument = instrument;
            this.wanted = wanted;
            this.consumersContext = consumersContext;
            this.take = take;
            this.watch = new ServingWatch(instrument, this::inCluster);
            this.watching = node.vertx().isClustered();
        }

        /** A consumer of snapshot answers at a new reply address; on the consumers' context. */
        MessageConsumer<Object> replyConsumer() {
            String replyAddress = Addresses.snapshotReply(java.util.UUID.randomUUID());
            return node.vertx().eventBus().consumer(replyAddress, message -> {
                // A feed answers with its whole state of the instrument (book, quote, status), whatever kinds were
                // asked.
                if (message.body() instanceof MarketEvent event) {
                    if (wanted.contains(event.kind())) {
                        take.handle(event);
                    }
                } else if (message.body() instanceof JsonObject answer) {
                    ServingFeed feed = ServingFeed.fromJson(answer);
                    if (feed != null) {
                        watch.served(feed);
                    }
                }
            });
        }

        /**
         * Ask the serving feed for the instrument's current state; the answers arrive before long or not at all.
         * With the demand it follows: the feed's node may handle the request before the demand announcement, and
         * would then snapshot an instrument whose next events it does not publish yet.
         */
        void request(MessageConsumer<?> replies) {
            node.vertx().eventBus().publish(Addresses.SNAPSHOT_REQUESTS, new JsonObject().put("instrument", instrument)
                    .put("replyAddress", replies.address()).put("demand", node.demand().announcement(instrument)));
            node.vertx().setTimer(SNAPSHOT_WINDOW_MILLIS, id -> replies.unregister());
        }

        /**
         * Ask again (unserved): the snapshot and the serving node come through the path of the first request. Once
         * at a time: a request not yet published reaches any feed whose status asked for it, however many did.
         */
        private void requestAgain() {
            if (!requestPending.compareAndSet(false, true)) {
                return;
            }
            consumersContext.runOnContext(v -> {
                if (closed) {
                    requestPending.set(false);
                    return;
                }
                MessageConsumer<Object> replies = replyConsumer();
                replies.completion().onComplete(registered -> {
                    requestPending.set(false);
                    if (registered.succeeded() && !closed) {
                        request(replies);
                    } else {
                        replies.unregister();
                    }
                });
            });
        }

        /**
         * While no feed has answered, ask again every {@link #UNSERVED_RETRY_MILLIS}: a feed may start after the
         * subscription without publishing a status to it, or an answer be lost; one timer at a time.
         */
        void retryWhileUnserved() {
            if (watching && retrying.compareAndSet(false, true)) {
                consumersContext.runOnContext(v -> node.vertx().setTimer(UNSERVED_RETRY_MILLIS, id -> {
                    retrying.set(false);
                    if (!closed && watch.unserved()) {
                        requestAgain();
                        retryWhileUnserved();
                    }
                }));
            }
        }

        /** A status from a feed (its LIVE once started, say): while unserved, a feed serves the instrument now. */
        void statusArrived(Message<MarketEvent> message) {
            if (watching && watch.unserved()) {
                requestAgain();
            }
            take.handle(message.body());
        }

        @Override
        public void nodeLeft(String departed) {
            List<InstrumentStatus> statuses = watch.nodeLeft(departed, FeedClock.nanos(node.clock()));
            if (statuses.isEmpty() || closed) {
                return;
            }
            consumersContext.runOnContext(v -> statuses.forEach(take::handle));
            if (watch.unserved()) {
                // Another node's feed may serve the instrument already: its answer ends the silence at once.
                requestAgain();
                retryWhileUnserved();
            }
        }

        @Override
        public boolean unserved() {
            return watch.unserved();
        }

        @Override
        public void nodeJoined(String joined) {
            if (watch.unserved()) {
                requestAgain();
            }
        }

        /** Answers come after {@link #watchDepartures()}: requests are sent after it. */
        private boolean inCluster(String feedNode) {
            FeedDepartures joined = departures;
            return joined == null || joined.isMember(feedNode);
        }

        void watchDepartures() {
            departures = node.departures();
            departures.add(this);
        }

        void close() {
            closed = true;
            FeedDepartures joined = departures;
            if (joined != null) {
                joined.remove(this);
            }
        }
    }

    private final class Handle implements MarketDataSubscription {

        private final String instrument;
        private final Set<EventKind> kinds;
        private final List<MessageConsumer<?>> consumers;
        private final SubscriptionReceiver receiver;
        private final Snapshots snapshots;
        private Future<Void> closed;

        Handle(String instrument, Set<EventKind> kinds, List<MessageConsumer<?>> consumers,
                SubscriptionReceiver receiver, Snapshots snapshots) {
            this.instrument = instrument;
            this.kinds = kinds;
            this.consumers = consumers;
            this.receiver = receiver;
            this.snapshots = snapshots;
        }

        @Override
        public String instrument() {
            return instrument;
        }

        @Override
        public long duplicatesDropped() {
            return receiver.duplicatesDropped();
        }

        @Override
        public long conflated() {
            return receiver.conflated();
        }

        @Override
        public synchronized Future<Void> close() {
            if (closed == null) {
                snapshots.close();
                receiver.close();
                List<Future<Void>> unregistrations = new ArrayList<>();
                consumers.forEach(consumer -> unregistrations.add(consumer.unregister()));
                // Released whatever the unregistrations did: a failed one must not hold the feed's upstream forever.
                closed = Future.all(unregistrations).transform(unregistered -> node.demand()
                        .release(instrument, kinds)
                        .compose(released -> unregistered.succeeded() ? Future.<Void>succeededFuture()
                                : Future.<Void>failedFuture(unregistered.cause())));
            }
            return closed;
        }
    }
}
