package tickbus.feed.redis;

import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tickbus.feed.SubscriptionException;

/**
 * Where reading a stream key starts: after the last delivered id when one is known (this feed's memory, else the
 * cluster-wide checkpoint); otherwise at the stream's current end ({@code startId "$"}) or its beginning
 * ({@code "0"}), resolved to a concrete id and checkpointed at once, so a reconnect or restart before the first
 * entry does not skip what was added meanwhile. Every (re)subscription checks the key's TYPE first, a known id
 * or not: a key holding something other than a stream fails the subscription permanently.
 */
final class StreamStarts {

    private static final String BEGINNING = "0-0";
    private static final String STREAM = "stream";
    private static final String ABSENT = "none";

    private final RedisSession session;
    private final RedisFeedSettings.StreamSettings settings;
    private final StreamOffsets offsets;

    StreamStarts(RedisSession session, RedisFeedSettings.StreamSettings settings, StreamOffsets offsets) {
        this.session = session;
        this.settings = settings;
        this.offsets = offsets;
    }

    Future<String> resolve(String key) {
        return session.control(Request.cmd(Command.TYPE).arg(key)).compose(reply -> {
            String type = typeOf(reply);
            if (!readable(type)) {
                return Future.failedFuture(new SubscriptionException(notAStream(key, type), true));
            }
            return offsets.lastId(key).compose(known -> known != null ? Future.succeededFuture(known)
                    : fresh(key, type));
        });
    }

    /** The keys among {@code keys} that hold something other than a stream, with their types (TYPE, pipelined). */
    Future<Map<String, String>> notStreams(List<String> keys) {
        if (keys.isEmpty()) {
            return Future.succeededFuture(Map.of());
        }
        List<Request> types = new ArrayList<>(keys.size());
        keys.forEach(key -> types.add(Request.cmd(Command.TYPE).arg(key)));
        return session.controlBatch(types).map(replies -> {
            Map<String, String> found = new LinkedHashMap<>();
            for (int i = 0; i < keys.size(); i++) {
                String type = typeOf(replies.get(i));
                if (!readable(type)) {
                    found.put(keys.get(i), type);
                }
            }
            return found;
        });
    }

    /** Why a key cannot be read: names the key and what it holds. */
    static String notAStream(String key, String type) {
        return "not a stream: key=" + key + ", type=" + type;
    }

    private Future<String> fresh(String key, String type) {
        Future<String> start;
        if (settings.startFromBeginning() || type.equals(ABSENT)) {
            start = Future.succeededFuture(BEGINNING);
        } else {
            start = session.control(Request.cmd(Command.XREVRANGE).arg(key).arg("+").arg("-").arg("COUNT").arg(1))
                    .map(last -> last == null || last.size() == 0 ? BEGINNING : last.get(0).get(0).toString());
        }
        return start.onSuccess(id -> {
            offsets.delivered(key, id);
            offsets.published(key, id);
            offsets.batchDone();
        });
    }

    private static String typeOf(Response reply) {
        return reply == null ? ABSENT : reply.toString();
    }

    /** A stream, or no key yet (XREAD waits for one to be created). */
    private static boolean readable(String type) {
        return type.equals(STREAM) || type.equals(ABSENT);
    }
}
