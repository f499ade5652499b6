package tickbus.feed.sim;

import tickbus.config.ConfigReader;
import tickbus.feed.FeedProtocol;
import tickbus.feed.FeedProtocolProvider;
import tickbus.feed.FeedSettings;

/** {@code "protocol": "sim"}: settings {@code {"venueName": "..."}}. */
public final class SimFeedProtocolProvider implements FeedProtocolProvider {

    @Override
    public String name() {
        return "sim";
    }

    @Override
    public FeedProtocol create(FeedSettings settings, String settingsPath) {
        ConfigReader reader = new ConfigReader(settings.protocolSettings(), settingsPath);
        String venueName = reader.string("venueName");
        reader.rejectUnknownKeys();
        return new SimFeedProtocol(venueName);
    }
}
