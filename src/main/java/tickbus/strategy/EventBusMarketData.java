package tickbus.strategy;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxInternal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import tickbus.Addresses;
import tickbus.TickbusNode;
import tickbus.event.EventKind;
import tickbus.event.MarketEvent;

/** {@link MarketData} over the (clustered) event bus and the demand registry. */
final class EventBusMarketData implements MarketData {

    private static final long SNAPSHOT_WINDOW_MILLIS = 10_000;

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
        String replyAddress = Addresses.snapshotReply(java.util.UUID.randomUUID());
        Promise<List<MessageConsumer<MarketEvent>>> registered = caller.promise();
        // A strategy on a worker context may block: its consumers live on an event loop of their own and queue into
        // the receiver's bounded queue (see SubscriptionReceiver). One on an event loop must not block, and takes
        // each event directly (conflation still goes through the queue), saving a thread hop per event.
        boolean direct = !caller.isWorkerContext() && delivery == Delivery.EVERY;
        Context consumersContext = caller.isWorkerContext()
                ? ((VertxInternal) node.vertx()).createEventLoopContext() : caller;
        Handler<Message<MarketEvent>> intake = direct
                ? message -> receiver.receive(message.body()) : message -> receiver.arrive(message.body());
        consumersContext.runOnContext(v -> {
            List<MessageConsumer<MarketEvent>> consumers = new ArrayList<>();
            for (EventKind kind : wanted) {
                consumers.add(node.vertx().eventBus().consumer(Addresses.marketData(kind, instrument), intake));
            }
            // A feed answers with its whole state of the instrument (book, quote, status), whatever kinds were asked.
            consumers.add(node.vertx().eventBus().<MarketEvent>consumer(replyAddress, message -> {
                if (wanted.contains(message.body().kind())) {
                    intake.handle(message);
                }
            }));
            registered.complete(consumers);
        });
        return registered.future().compose(consumers -> {
            List<Future<Void>> registrations = new ArrayList<>();
            consumers.forEach(consumer -> registrations.add(consumer.completion()));
            MessageConsumer<MarketEvent> snapshots = consumers.get(consumers.size() - 1);
            Handle handle = new Handle(instrument, wanted, consumers, receiver);
            return Future.all(registrations)
                    .compose(v -> node.demand().acquire(instrument, wanted))
                    .onSuccess(v -> requestSnapshot(instrument, replyAddress, snapshots))
                    .map(v -> (MarketDataSubscription) handle)
                    .onFailure(e -> {
                        // The caller gets a failed future and no handle: nothing more may reach its handler.
                        receiver.close();
                        consumers.forEach(MessageConsumer::unregister);
                    });
        });
    }

    /** Ask the serving feed for the instrument's current state; the answers arrive before long or not at all. */
    private void requestSnapshot(String instrument, String replyAddress, MessageConsumer<MarketEvent> snapshots) {
        // With the demand it follows: the feed's node may handle the request before the demand announcement, and
        // would then snapshot an instrument whose next events it does not publish yet.
        node.vertx().eventBus().publish(Addresses.SNAPSHOT_REQUESTS,
                new io.vertx.core.json.JsonObject().put("instrument", instrument).put("replyAddress", replyAddress)
                        .put("demand", node.demand().announcement(instrument)));
        node.vertx().setTimer(SNAPSHOT_WINDOW_MILLIS, id -> snapshots.unregister());
    }

    private final class Handle implements MarketDataSubscription {

        private final String instrument;
        private final Set<EventKind> kinds;
        private final List<MessageConsumer<MarketEvent>> consumers;
        private final SubscriptionReceiver receiver;
        private Future<Void> closed;

        Handle(String instrument, Set<EventKind> kinds, List<MessageConsumer<MarketEvent>> consumers,
                SubscriptionReceiver receiver) {
            this.instrument = instrument;
            this.kinds = kinds;
            this.consumers = consumers;
            this.receiver = receiver;
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
