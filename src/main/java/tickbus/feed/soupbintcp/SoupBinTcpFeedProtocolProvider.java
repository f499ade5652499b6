package tickbus.feed.soupbintcp;

import tickbus.config.ConfigException;
import tickbus.feed.FeedProtocol;
import tickbus.feed.FeedProtocolProvider;
import tickbus.feed.FeedSettings;
import tickbus.normalize.itch.Itch50Normalizer;

/**
 * {@code "protocol": "soupbintcp"}: ITCH 5.0 over SoupBinTCP 4.0; settings {@code host}, {@code port},
 * {@code username}, {@code password}, {@code session}, {@code firstSequenceNumber}, {@code loginTimeoutMillis},
 * {@code maxPacketLength}, {@code tradingDate}, {@code receiveBufferBytes}, {@code expectedOrders}.
 */
public final class SoupBinTcpFeedProtocolProvider implements FeedProtocolProvider {

    @Override
    public String name() {
        return "soupbintcp";
    }

    @Override
    public FeedProtocol create(FeedSettings settings, String settingsPath) {
        if (!Itch50Normalizer.VENUE.equals(settings.venue())) {
            String feedPath = settingsPath.substring(0, settingsPath.length() - ".settings".length());
            throw new ConfigException(feedPath + ".venue", "value=\"" + settings.venue() + "\"; expected "
                    + Itch50Normalizer.VENUE + ": ITCH events are for " + Itch50Normalizer.VENUE
                    + ":<symbol>, and demand for other instruments would never be served");
        }
        SoupBinTcpFeedSettings protocolSettings = SoupBinTcpFeedSettings.fromJson(settings.protocolSettings(),
                settingsPath);
        long attemptTimeoutMillis = settings.breaker().attemptTimeoutMillis();
        if (protocolSettings.loginTimeoutMillis() >= attemptTimeoutMillis) {
            throw new ConfigException(settingsPath + ".loginTimeoutMillis", "value="
                    + protocolSettings.loginTimeoutMillis() + "; expected less than breaker.attemptTimeoutMillis="
                    + attemptTimeoutMillis + ", so a login that never completes is abandoned by the feed first");
        }
        return new SoupBinTcpFeedProtocol(protocolSettings);
    }
}
