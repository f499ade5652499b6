package tickbus.feed.redis;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.AsyncMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last entry id of each stream key handed to the engine, kept here so that a reconnect resumes after it, and
 * the last one whose events were published, checkpointed to a cluster-wide {@link AsyncMap} (a local one when not
 * clustered) under {@code <source>|<key>}, so that a restarted feed, or the same feed on another node, resumes
 * after it: an entry handed over but not yet published when the process dies is read again, not lost.
 * Checkpoints are coalesced: at most one write round in flight, at most one round per
 * {@code checkpointIntervalMillis}, and {@link #flush()} on close. Used only on the feed's event loop.
 */
final class StreamOffsets {

    private static final Logger LOG = LoggerFactory.getLogger(StreamOffsets.class);

    private final Vertx vertx;
    private final String source;
    private final RedisFeedSettings.StreamSettings settings;
    private final RedisFeedCounters counters;
    private final Map<String, String> lastIds = new HashMap<>();
    private final Map<String, String> publishedIds = new HashMap<>();
    private final Set<String> dirty = new LinkedHashSet<>();
    private Future<AsyncMap<String, String>> map;
    private Future<Void> writing = Future.succeededFuture();
    private long timer = -1;

    StreamOffsets(Vertx vertx, String source, RedisFeedSettings.StreamSettings settings, RedisFeedCounters counters) {
        this.vertx = vertx;
        this.source = source;
        this.settings = settings;
        this.counters = counters;
    }

    /** The last delivered id of {@code key}, or null when none was ever checkpointed. */
    Future<String> lastId(String key) {
        String known = lastIds.get(key);
        if (known != null) {
            return Future.succeededFuture(known);
        }
        return map().compose(offsets -> offsets.get(mapKey(key)));
    }

    /** Entries up to {@code id} of {@code key} were handed to the engine: a reconnect resumes after them. */
    void delivered(String key, String id) {
        lastIds.put(key, id);
    }

    /** The events of entries up to {@code id} of {@code key} were published: a checkpoint may record them. */
    void published(String key, String id) {
        publishedIds.put(key, id);
        dirty.add(key);
    }

    /** A batch of deliveries ended: checkpoint soon. */
    void batchDone() {
        if (dirty.isEmpty() || timer >= 0) {
            return;
        }
        if (settings.checkpointIntervalMillis() == 0) {
            checkpoint();
        } else {
            timer = vertx.setTimer(settings.checkpointIntervalMillis(), id -> {
                timer = -1;
                checkpoint();
            });
        }
    }

    /** Write every pending checkpoint now; completes when all are stored. */
    Future<Void> flush() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
            timer = -1;
        }
        return writing.transform(previous -> dirty.isEmpty() ? Future.succeededFuture() : write());
    }

    /** One round; a later round is scheduled by the next batch, or right away when this one left work. */
    private void checkpoint() {
        if (writing.isComplete()) {
            write().onSuccess(v -> batchDone());
        }
    }

    /** Write the dirty keys; completes (successfully) when the round ended, stored or not. */
    private Future<Void> write() {
        List<String> keys = new ArrayList<>(dirty);
        dirty.clear();
        Promise<Void> written = Promise.promise();
        writing = written.future();
        map().compose(offsets -> {
            List<Future<Void>> puts = new ArrayList<>(keys.size());
            for (String key : keys) {
                puts.add(offsets.put(mapKey(key), publishedIds.get(key)));
            }
            return Future.all(puts);
        }).onComplete(result -> {
            if (result.succeeded()) {
                counters.checkpointWrites.add(keys.size());
                written.complete();
            } else {
                counters.checkpointFailures.increment();
                dirty.addAll(keys);
                LOG.warn("feed {}: stream checkpoint failed, kept for the next round: keys={}, error={}", source,
                        keys.size(), result.cause().toString());
                written.fail(result.cause());
            }
        });
        return written.future();
    }

    private Future<AsyncMap<String, String>> map() {
        if (map == null || map.failed()) {
            map = vertx.sharedData().getAsyncMap(settings.checkpointMap());
        }
        return map;
    }

    private String mapKey(String key) {
        return source + "|" + key;
    }
}
