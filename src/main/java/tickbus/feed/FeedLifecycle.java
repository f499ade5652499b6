package tickbus.feed;

import io.vertx.core.eventbus.EventBus;
import java.time.InstantSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tickbus.Addresses;
import tickbus.event.BreakerState;
import tickbus.event.FeedState;
import tickbus.event.FeedStatus;

/** A feed's one state and its one transition method: logs {@code from → to (why)} and publishes FeedStatus. */
final class FeedLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(FeedLifecycle.class);

    private final FeedSettings settings;
    private final FeedMetrics metrics;
    private final EventBus eventBus;
    private final InstantSource clock;
    private FeedState state = FeedState.STOPPED;
    private BreakerState breaker = BreakerState.CLOSED;
    private long transitions;

    FeedLifecycle(FeedSettings settings, FeedMetrics metrics, EventBus eventBus, InstantSource clock) {
        this.settings = settings;
        this.metrics = metrics;
        this.eventBus = eventBus;
        this.clock = clock;
    }

    FeedState state() {
        return state;
    }

    BreakerState breaker() {
        return breaker;
    }

    void transition(FeedState to, String reason) {
        FeedState from = state;
        if (from == to) {
            return;
        }
        state = to;
        metrics.state(to, reason);
        LOG.info("feed {}: {} → {} ({})", settings.source(), from, to, reason);
        publish(from, reason);
    }

    void breaker(BreakerState newState, String reason) {
        if (breaker == newState) {
            return;
        }
        breaker = newState;
        metrics.breaker(newState);
        LOG.info("feed {}: circuit breaker {} ({})", settings.source(), newState, reason);
        publish(state, reason);
    }

    private void publish(FeedState previous, String reason) {
        long nowNanos = FeedClock.nanos(clock);
        FeedStatus status = new FeedStatus(settings.source(), settings.venue(), ++transitions, nowNanos, nowNanos,
                state, previous, reason, breaker, metrics.reconnects());
        eventBus.publish(Addresses.feedStatus(settings.source()), status);
        eventBus.publish(Addresses.FEED_STATUS_ALL, status);
    }
}
