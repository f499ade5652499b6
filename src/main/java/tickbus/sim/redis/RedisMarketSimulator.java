package tickbus.sim.redis;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import tickbus.event.MarketEvent;
import tickbus.event.Quote;
import tickbus.event.Side;
import tickbus.event.Trade;
import tickbus.event.TradeType;
import tickbus.protocol.redisjson.PayloadFormat;
import tickbus.protocol.redisjson.RedisJsonEncoder;

/**
 * Realistic quotes and trades for N symbols (a random walk per symbol, a spread of one to four ticks, a trade at
 * the touch one time in five), turned into the Redis commands a publisher sends: {@code PUBLISH} for pub/sub,
 * {@code XADD ... MAXLEN ~ n} for streams, with the JSON payload (tickbus schema with a per-channel sequence
 * number, or cryptofeed's shapes) or, for cryptofeed streams, the entry fields cryptofeed writes. Not thread-safe.
 */
public final class RedisMarketSimulator {

    private static final int PRICE_SCALE = 8;
    private static final int SIZE_SCALE = 8;
    private static final long TICK = 1_000_000L;
    private static final int TRADE_ONE_IN = 5;

    private final RedisSimSettings settings;
    private final SplittableRandom random;
    private final long[] mids;
    private final Map<String, Long> channelSequences = new HashMap<>();
    private final RedisJsonEncoder encoder = new RedisJsonEncoder(SIZE_SCALE);
    private final JsonFactory json = new JsonFactory();
    private long tradeIds;

    public RedisMarketSimulator(RedisSimSettings settings) {
        this.settings = settings;
        this.random = new SplittableRandom(settings.seed());
        this.mids = new long[settings.symbols().size()];
        for (int i = 0; i < mids.length; i++) {
            mids[i] = (100 + random.nextInt(60_000)) * 100 * TICK;
        }
    }

    /** The next event of a random symbol, numbered on its channel. */
    public MarketEvent next(long nowNanos) {
        int index = random.nextInt(mids.length);
        mids[index] = Math.max(100 * TICK, mids[index] + (random.nextInt(5) - 2) * TICK);
        String symbol = settings.symbols().get(index);
        String instrument = settings.venue() + ":" + symbol;
        long halfSpread = TICK * (1 + random.nextInt(4));
        if (random.nextInt(TRADE_ONE_IN) == 0) {
            boolean buy = random.nextBoolean();
            long sequence = nextSequence(channel(settings.tradeChannel(), symbol));
            return new Trade(instrument, settings.venue(), "redis-sim", sequence, nowNanos, nowNanos, PRICE_SCALE,
                    SIZE_SCALE, mids[index] + (buy ? halfSpread : -halfSpread),
                    1_000_000L * (1 + random.nextInt(5_000)), buy ? Side.BUY : Side.SELL, Long.toString(++tradeIds),
                    TradeType.REGULAR);
        }
        long sequence = nextSequence(channel(settings.quoteChannel(), symbol));
        return new Quote(instrument, settings.venue(), "redis-sim", sequence, nowNanos, nowNanos, PRICE_SCALE,
                SIZE_SCALE, mids[index] - halfSpread, 1_000_000L * (1 + random.nextInt(10_000)),
                mids[index] + halfSpread, 1_000_000L * (1 + random.nextInt(10_000)));
    }

    /** The command that publishes {@code event}: its arguments, command name first. */
    public List<String> command(MarketEvent event) {
        boolean trade = event instanceof Trade;
        String symbol = event.instrument().substring(event.instrument().indexOf(':') + 1);
        String channel = channel(trade ? settings.tradeChannel() : settings.quoteChannel(), symbol);
        PayloadFormat format = settings.cryptofeed()
                ? (trade ? PayloadFormat.CRYPTOFEED_TRADE : PayloadFormat.CRYPTOFEED_TICKER) : PayloadFormat.TICKBUS;
        String payload = new String(encoder.encode(format, event), StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>();
        if (!settings.stream()) {
            command.addAll(List.of("PUBLISH", channel, payload));
            return command;
        }
        command.addAll(List.of("XADD", channel, "MAXLEN", "~", Long.toString(settings.streamMaxLength()), "*"));
        if (settings.cryptofeed()) {
            command.addAll(fields(payload));
        } else {
            command.addAll(List.of(settings.streamPayloadField(), payload));
        }
        return command;
    }

    /** The channel (or key) of a template for a symbol. */
    public String channel(String template, String symbol) {
        return template.replace("{venue}", settings.venue()).replace("{symbol}", symbol);
    }

    private long nextSequence(String channel) {
        return channelSequences.merge(channel, 1L, Long::sum);
    }

    /** cryptofeed's stream layout: each top-level field of the payload, its value as the text Python writes. */
    private List<String> fields(String payload) {
        List<String> fields = new ArrayList<>();
        try (JsonParser parser = json.createParser(payload)) {
            parser.nextToken();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                fields.add(parser.currentName());
                parser.nextToken();
                fields.add(parser.getText());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the encoder's own JSON must parse", e);
        }
        return fields;
    }
}
