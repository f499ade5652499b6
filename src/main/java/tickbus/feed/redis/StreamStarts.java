package tickbus.feed.redis;

import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import tickbus.feed.SubscriptionException;

/**
 * Where reading a stream key starts: after the last delivered id when one is known (this feed's memory, else the
 * cluster-wide checkpoint); otherwise at the stream's current end ({@code startId "$"}) or its beginning
 * ({@code "0"}), resolved to a concrete id and checkpointed at once, so a reconnect or restart before the first
 * entry does not skip what was added meanwhile. A key holding something other than a stream fails the
 * subscription permanently.
 */
final class StreamStarts {

    private static final String BEGINNING = "0-0";

    private final RedisSession session;
    private final RedisFeedSettings.StreamSettings settings;
    private final StreamOffsets offsets;

    StreamStarts(RedisSession session, RedisFeedSettings.StreamSettings settings, StreamOffsets offsets) {
        this.session = session;
        this.settings = settings;
        this.offsets = offsets;
    }

    Future<String> resolve(String key) {
        return offsets.lastId(key).compose(known -> known != null ? Future.succeededFuture(known) : fresh(key));
    }

    private Future<String> fresh(String key) {
        return session.control(Request.cmd(Command.TYPE).arg(key)).compose(type -> {
            String kind = type == null ? "none" : type.toString();
            if (!kind.equals("stream") && !kind.equals("none")) {
                return Future.failedFuture(new SubscriptionException("not a stream: key=" + key + ", type=" + kind,
                        true));
            }
            if (settings.startFromBeginning() || kind.equals("none")) {
                return Future.succeededFuture(BEGINNING);
            }
            return session.control(Request.cmd(Command.XREVRANGE).arg(key).arg("+").arg("-").arg("COUNT").arg(1))
                    .map(last -> last == null || last.size() == 0 ? BEGINNING : last.get(0).get(0).toString());
        }).onSuccess(id -> {
            offsets.delivered(key, id);
            offsets.published(key, id);
            offsets.batchDone();
        });
    }
}
