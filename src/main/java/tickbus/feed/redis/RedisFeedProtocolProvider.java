package tickbus.feed.redis;

import tickbus.config.ConfigException;
import tickbus.feed.FeedProtocol;
import tickbus.feed.FeedProtocolProvider;
import tickbus.feed.FeedSettings;

/** {@code "protocol": "redis"}: JSON over Redis pub/sub or streams (settings in {@link RedisFeedSettings}). */
public final class RedisFeedProtocolProvider implements FeedProtocolProvider {

    @Override
    public String name() {
        return "redis";
    }

    @Override
    public FeedProtocol create(FeedSettings settings, String settingsPath) {
        RedisFeedSettings redis = RedisFeedSettings.fromJson(settings.protocolSettings(), settingsPath);
        long heartbeatTimeout = settings.heartbeatTimeoutMillis();
        if (redis.pingIntervalMillis() >= heartbeatTimeout) {
            throw new ConfigException(settingsPath + ".pingIntervalMillis", "value=" + redis.pingIntervalMillis()
                    + "; expected less than heartbeatTimeoutMillis=" + heartbeatTimeout
                    + " (the PING keep-alive is what the heartbeat watchdog sees)");
        }
        if (redis.mode() == RedisFeedSettings.Mode.STREAM && redis.stream().blockMillis() >= heartbeatTimeout) {
            throw new ConfigException(settingsPath + ".stream.blockMillis", "value=" + redis.stream().blockMillis()
                    + "; expected less than heartbeatTimeoutMillis=" + heartbeatTimeout
                    + " (an idle XREAD returns after blockMillis, which keeps the connection alive)");
        }
        return new RedisFeedProtocol(settings, redis);
    }
}
