package tickbus.feed;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Upstream subscriptions, one key per instrument. Per key, never two subscribe/unsubscribe operations are in
 * flight: the wanted state is recorded and reconciled when the running operation completes. Transient errors
 * are retried with exponential delays, then the key is FAILED. After a reconnect every wanted key is restored.
 * Used only on the feed's event loop.
 */
final class SubscriptionManager {

    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionManager.class);

    /** Told about every state change of a key. */
    interface Listener {
        void subscriptionChanged(String instrument, SubscriptionState state, String reason);
    }

    private static final class Key {
        final String instrument;
        boolean wanted;
        SubscriptionState state = SubscriptionState.UNSUBSCRIBED;
        boolean inFlight;
        int failedAttempts;
        long retryTimer = -1;

        Key(String instrument) {
            this.instrument = instrument;
        }
    }

    private final Vertx vertx;
    private final FeedSettings.SubscriptionRetrySettings retry;
    private final Listener listener;
    private final Map<String, Key> keys = new HashMap<>();
    private FeedConnection connection;
    private long generation;
    private Promise<Void> restoring;
    private final Set<String> unsettled = new HashSet<>();

    SubscriptionManager(Vertx vertx, FeedSettings.SubscriptionRetrySettings retry, Listener listener) {
        this.vertx = vertx;
        this.retry = retry;
        this.listener = listener;
    }

    void want(String instrument) {
        Key key = keys.computeIfAbsent(instrument, Key::new);
        if (!key.wanted) {
            key.wanted = true;
            key.failedAttempts = 0;
            if (key.state == SubscriptionState.FAILED || key.state == SubscriptionState.UNSUBSCRIBED) {
                changeState(key, SubscriptionState.PENDING, "wanted");
            }
        }
        reconcile(key);
    }

    void unwant(String instrument) {
        Key key = keys.get(instrument);
        if (key != null && key.wanted) {
            key.wanted = false;
            key.failedAttempts = 0;
            cancelRetry(key);
            reconcile(key);
        }
    }

    SubscriptionState state(String instrument) {
        Key key = keys.get(instrument);
        return key == null ? SubscriptionState.UNSUBSCRIBED : key.state;
    }

    boolean anyWanted() {
        for (Key key : keys.values()) {
            if (key.wanted) {
                return true;
            }
        }
        return false;
    }

    Set<String> wanted() {
        Set<String> wanted = new HashSet<>();
        keys.values().stream().filter(key -> key.wanted).forEach(key -> wanted.add(key.instrument));
        return wanted;
    }

    /** A new connection is up: resubscribe every wanted key; completes when each is ACTIVE or FAILED. */
    Future<Void> restore(FeedConnection newConnection) {
        connection = newConnection;
        generation++;
        restoring = Promise.promise();
        unsettled.clear();
        for (Key key : keys.values()) {
            if (key.wanted && key.state != SubscriptionState.FAILED) {
                unsettled.add(key.instrument);
            }
        }
        Future<Void> restored = restoring.future();
        settleIfDone();
        for (Key key : Set.copyOf(keys.values())) {
            reconcile(key);
        }
        return restored;
    }

    /** The connection is gone: what was ACTIVE is PENDING until restored. */
    void disconnected() {
        connection = null;
        generation++;
        for (Key key : keys.values()) {
            key.inFlight = false;
            cancelRetry(key);
            if (key.state == SubscriptionState.ACTIVE) {
                changeState(key, SubscriptionState.PENDING, "connection lost");
            } else if (!key.wanted && key.state == SubscriptionState.PENDING) {
                changeState(key, SubscriptionState.UNSUBSCRIBED, "connection lost");
            }
        }
        if (restoring != null) {
            restoring.tryFail("connection lost while restoring subscriptions");
        }
    }

    private void reconcile(Key key) {
        if (key.inFlight || connection == null || key.retryTimer >= 0) {
            return;
        }
        if (key.wanted && (key.state == SubscriptionState.PENDING || key.state == SubscriptionState.UNSUBSCRIBED)) {
            changeState(key, SubscriptionState.PENDING, "wanted");
            run(key, true);
        } else if (!key.wanted && (key.state == SubscriptionState.ACTIVE || key.state == SubscriptionState.PENDING)) {
            run(key, false);
        } else if (!key.wanted && key.state == SubscriptionState.FAILED) {
            changeState(key, SubscriptionState.UNSUBSCRIBED, "no longer wanted");
        }
    }

    private void run(Key key, boolean subscribe) {
        key.inFlight = true;
        long operationGeneration = generation;
        Future<Void> operation;
        try {
            operation = subscribe ? connection.subscribe(key.instrument) : connection.unsubscribe(key.instrument);
        } catch (RuntimeException e) {
            operation = Future.failedFuture(e);
        }
        operation.onComplete(result -> {
            if (operationGeneration != generation) {
                return;
            }
            key.inFlight = false;
            if (key.state == SubscriptionState.FAILED) {
                // Refused by the connection while this operation ran: the refusal stands.
                reconcile(key);
            } else if (result.succeeded()) {
                key.failedAttempts = 0;
                changeState(key, subscribe ? SubscriptionState.ACTIVE : SubscriptionState.UNSUBSCRIBED,
                        subscribe ? "confirmed" : "released");
                reconcile(key);
            } else {
                failed(key, subscribe, result.cause());
            }
        });
    }

    private void failed(Key key, boolean subscribe, Throwable cause) {
        key.failedAttempts++;
        boolean permanent = cause instanceof SubscriptionException failure && failure.permanent();
        String operation = subscribe ? "subscribe" : "unsubscribe";
        if (permanent || key.failedAttempts > retry.maxRetries()) {
            String reason = operation + " failed: attempts=" + key.failedAttempts + ", maxRetries="
                    + retry.maxRetries() + ", permanent=" + permanent + ", cause=" + cause.getMessage();
            changeState(key, subscribe ? SubscriptionState.FAILED : SubscriptionState.UNSUBSCRIBED, reason);
            return;
        }
        long delay = Math.min(retry.maxDelayMillis(),
                retry.initialDelayMillis() << Math.min(key.failedAttempts - 1, 30));
        LOG.debug("{} retry: instrument={}, attempt={}, delayMillis={}, cause={}", operation, key.instrument,
                key.failedAttempts, delay, cause.getMessage());
        key.retryTimer = vertx.setTimer(delay, id -> {
            key.retryTimer = -1;
            reconcile(key);
        });
    }

    /** The connection stopped serving a key it had accepted: FAILED permanently, not retried. */
    void refused(String instrument, String reason) {
        Key key = keys.get(instrument);
        if (key == null || !key.wanted || key.state == SubscriptionState.FAILED) {
            return;
        }
        cancelRetry(key);
        key.failedAttempts = 0;
        changeState(key, SubscriptionState.FAILED, "subscription refused: permanent=true, cause=" + reason);
    }

    private void cancelRetry(Key key) {
        if (key.retryTimer >= 0) {
            vertx.cancelTimer(key.retryTimer);
            key.retryTimer = -1;
        }
    }

    private void changeState(Key key, SubscriptionState state, String reason) {
        if (key.state != state) {
            key.state = state;
            listener.subscriptionChanged(key.instrument, state, reason);
        }
        if (state == SubscriptionState.ACTIVE || state == SubscriptionState.FAILED || !key.wanted) {
            unsettled.remove(key.instrument);
            settleIfDone();
        }
    }

    private void settleIfDone() {
        if (restoring != null && unsettled.isEmpty()) {
            restoring.tryComplete();
        }
    }

    void stop() {
        keys.values().forEach(this::cancelRetry);
        connection = null;
        generation++;
    }
}
