package tickbus.feed;

import io.vertx.core.Vertx;
import java.util.HashMap;
import java.util.Map;

/** Delays the release of an upstream subscription after the last demand, so a quick re-subscribe is free. */
final class DemandLinger {

    private final Map<String, Long> timers = new HashMap<>();

    void schedule(Vertx vertx, String instrument, long lingerMillis, Runnable release) {
        cancel(vertx, instrument);
        if (lingerMillis == 0) {
            release.run();
            return;
        }
        timers.put(instrument, vertx.setTimer(lingerMillis, id -> {
            timers.remove(instrument);
            release.run();
        }));
    }

    void cancel(Vertx vertx, String instrument) {
        Long timer = timers.remove(instrument);
        if (timer != null) {
            vertx.cancelTimer(timer);
        }
    }

    void cancelAll(Vertx vertx) {
        timers.values().forEach(vertx::cancelTimer);
        timers.clear();
    }
}
