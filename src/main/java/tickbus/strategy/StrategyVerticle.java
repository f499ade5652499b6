package tickbus.strategy;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tickbus.event.EventKind;
import tickbus.event.MarketEvent;

/** A convenient base for Java strategies: a {@link MarketData} client whose subscriptions close on undeploy. */
public abstract class StrategyVerticle extends VerticleBase {

    private final List<MarketDataSubscription> subscriptions = new ArrayList<>();
    private MarketData marketData;

    protected MarketData marketData() {
        if (marketData == null) {
            marketData = MarketData.create(vertx);
        }
        return marketData;
    }

    /** Subscribe every instrument to the same handler; the future completes when all are registered. */
    protected Future<Void> subscribeAll(List<String> instruments, Set<EventKind> kinds, MarketData.Delivery delivery,
            Handler<MarketEvent> handler) {
        List<Future<MarketDataSubscription>> pending = new ArrayList<>();
        for (String instrument : instruments) {
            pending.add(marketData().subscribe(instrument, kinds, delivery, handler).onSuccess(subscriptions::add));
        }
        return Future.all(pending).mapEmpty();
    }

    @Override
    public Future<?> stop() {
        List<Future<Void>> closing = new ArrayList<>();
        subscriptions.forEach(subscription -> closing.add(subscription.close()));
        return Future.join(closing);
    }
}
