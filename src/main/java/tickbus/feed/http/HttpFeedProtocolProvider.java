package tickbus.feed.http;

import tickbus.config.ConfigException;
import tickbus.feed.FeedProtocol;
import tickbus.feed.FeedProtocolProvider;
import tickbus.feed.FeedSettings;

/** {@code "protocol": "http"}: FIXML over long-polled HTTP, settings in {@link HttpFeedSettings}. */
public final class HttpFeedProtocolProvider implements FeedProtocolProvider {

    @Override
    public String name() {
        return "http";
    }

    @Override
    public FeedProtocol create(FeedSettings settings, String settingsPath) {
        HttpFeedSettings http = HttpFeedSettings.fromJson(settings.protocolSettings(), settingsPath);
        String feedPath = settingsPath.substring(0, settingsPath.lastIndexOf('.'));
        if (settings.workers() != 1) {
            throw new ConfigException(feedPath + ".workers", "value=" + settings.workers() + "; expected 1: a "
                    + "long-poll document holds every instrument and is decoded whole, in order");
        }
        if (http.timeouts().waitMillis() >= settings.heartbeatTimeoutMillis()) {
            throw new ConfigException(settingsPath + ".waitMillis", "value=" + http.timeouts().waitMillis()
                    + "; expected less than heartbeatTimeoutMillis=" + settings.heartbeatTimeoutMillis()
                    + ": the heartbeat comes once per waitMillis");
        }
        return new HttpFeedProtocol(settings, http);
    }
}
