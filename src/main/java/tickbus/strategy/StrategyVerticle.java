package tickbus.strategy;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import java.util.List;
import java.util.Set;
import tickbus.event.EventKind;
import tickbus.event.MarketEvent;

/**
 * A convenient base for Java strategies: a {@link StrategyContext} named by {@code config.name} (default: the class
 * name in kebab case without "Strategy", e.g. {@code mid-spread}) whose subscriptions close on undeploy.
 */
public abstract class StrategyVerticle extends VerticleBase {

    private StrategyContext strategy;

    /** Call from {@code start()} or later (it binds to the verticle's context). */
    protected StrategyContext strategy() {
        if (strategy == null) {
            strategy = StrategyContext.of(vertx, defaultName(getClass()));
        }
        return strategy;
    }

    protected MarketData marketData() {
        return strategy().marketData();
    }

    /** Subscribe every instrument to the same handler; the future completes when all are registered. */
    protected Future<Void> subscribeAll(List<String> instruments, Set<EventKind> kinds, MarketData.Delivery delivery,
            Handler<MarketEvent> handler) {
        return strategy().subscribeAll(instruments, kinds, delivery, handler);
    }

    @Override
    public Future<?> stop() {
        return strategy == null ? Future.succeededFuture() : strategy.close();
    }

    static String defaultName(Class<?> type) {
        String simple = type.getSimpleName();
        String base = simple.endsWith("Strategy") && simple.length() > "Strategy".length()
                ? simple.substring(0, simple.length() - "Strategy".length()) : simple;
        return base.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
