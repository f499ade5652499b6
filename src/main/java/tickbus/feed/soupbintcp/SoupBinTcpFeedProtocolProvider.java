package tickbus.feed.soupbintcp;

import tickbus.config.ConfigException;
import tickbus.feed.FeedProtocol;
import tickbus.feed.FeedProtocolProvider;
import tickbus.feed.FeedSettings;

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
