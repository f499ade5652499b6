package tickbus.feed;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import tickbus.demand.DemandListener;
import tickbus.demand.DemandRegistry;

/**
 * Turns cluster-wide demand for the instruments a feed serves into wanted upstream subscriptions, releasing each
 * one {@code releaseLingerMillis} after its last demand. Used on the feed's event loop.
 */
final class DemandFollower {

    private final Vertx vertx;
    private final Context context;
    private final FeedSettings settings;
    private final DemandRegistry demand;
    private final SubscriptionManager subscriptions;
    private final DemandLinger linger = new DemandLinger();
    private final DemandListener listener;
    private boolean stopped;

    DemandFollower(Vertx vertx, Context context, FeedSettings settings, DemandRegistry demand,
            SubscriptionManager subscriptions) {
        this.vertx = vertx;
        this.context = context;
        this.settings = settings;
        this.demand = demand;
        this.subscriptions = subscriptions;
        this.listener = (instrument, demanded) -> context.runOnContext(v -> changed(instrument, demanded));
    }

    void start() {
        demand.addListener(listener);
        for (String instrument : demand.demanded()) {
            changed(instrument, true);
        }
    }

    void stop() {
        stopped = true;
        demand.removeListener(listener);
        linger.cancelAll(vertx);
    }

    private void changed(String instrument, boolean demanded) {
        if (stopped || !settings.instruments().serves(instrument)) {
            return;
        }
        if (demanded) {
            linger.cancel(vertx, instrument);
            subscriptions.want(instrument);
        } else {
            linger.schedule(vertx, instrument, settings.releaseLingerMillis(), () -> {
                if (!demand.isDemanded(instrument)) {
                    subscriptions.unwant(instrument);
                }
            });
        }
    }
}
