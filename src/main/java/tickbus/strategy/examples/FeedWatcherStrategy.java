package tickbus.strategy.examples;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.EnumSet;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tickbus.Addresses;
import tickbus.config.ConfigReader;
import tickbus.event.EventKind;
import tickbus.event.FeedState;
import tickbus.event.FeedStatus;
import tickbus.event.InstrumentState;
import tickbus.event.InstrumentStatus;
import tickbus.event.MarketEvent;
import tickbus.strategy.MarketData;
import tickbus.strategy.StrategyVerticle;

/**
 * Watches what an operator is woken for: halts, gaps, stale data, failed subscriptions and feeds that are not
 * LIVE. Logs each and republishes it as an alert at {@code tickbus.strategy.<name>}.
 */
public final class FeedWatcherStrategy extends StrategyVerticle {

    private static final Logger LOG = LoggerFactory.getLogger(FeedWatcherStrategy.class);
    private static final EnumSet<InstrumentState> ALARMING = EnumSet.of(InstrumentState.HALTED,
            InstrumentState.PAUSED, InstrumentState.GAP, InstrumentState.STALE, InstrumentState.SUSPECT,
            InstrumentState.RESET, InstrumentState.SUBSCRIPTION_FAILED, InstrumentState.END_OF_SESSION);

    /** This strategy's configuration slice. */
    public record Settings(String name, List<String> instruments) {

        public static Settings fromJson(JsonObject json, String path) {
            ConfigReader reader = new ConfigReader(json, path);
            Settings settings = new Settings(reader.string("name", "feed-watcher"), reader.strings("instruments"));
            reader.rejectUnknownKeys();
            return settings;
        }
    }

    private Settings settings;

    @Override
    public Future<?> start() {
        settings = Settings.fromJson(config(), "config");
        var feeds = vertx.eventBus().<FeedStatus>consumer(Addresses.FEED_STATUS_ALL, message -> onFeed(message.body()));
        return feeds.completion().compose(v -> subscribeAll(settings.instruments(), EnumSet.noneOf(EventKind.class),
                MarketData.Delivery.EVERY, this::onInstrument));
    }

    private void onFeed(FeedStatus status) {
        boolean healthy = status.state() == FeedState.LIVE || status.state() == FeedState.STOPPED
                || status.state() == FeedState.CONNECTING || status.state() == FeedState.RECOVERING;
        if (!healthy) {
            LOG.warn("{}: feed {} is {} ({}), breaker={}", settings.name(), status.source(), status.state(),
                    status.reason(), status.breaker());
        }
        alert(new JsonObject().put("feed", status.source()).put("state", status.state().name())
                .put("reason", status.reason()).put("breaker", status.breaker().name()));
    }

    private void onInstrument(MarketEvent event) {
        if (!(event instanceof InstrumentStatus status)) {
            return;
        }
        if (ALARMING.contains(status.state())) {
            LOG.warn("{}: {} {} gapFrom={} gapTo={} ({})", settings.name(), status.instrument(), status.state(),
                    status.gapFrom(), status.gapTo(), status.reason());
        } else {
            LOG.info("{}: {} {} ({})", settings.name(), status.instrument(), status.state(), status.reason());
        }
        alert(new JsonObject().put("instrument", status.instrument()).put("state", status.state().name())
                .put("gapFrom", status.gapFrom()).put("gapTo", status.gapTo()).put("reason", status.reason()));
    }

    private void alert(JsonObject alert) {
        vertx.eventBus().publish(Addresses.strategyOutput(settings.name()), alert);
    }
}
