package tickbus.testing;

import tickbus.protocol.itch.AddOrder;
import tickbus.protocol.itch.AddOrderMpid;
import tickbus.protocol.itch.BrokenTrade;
import tickbus.protocol.itch.CrossTrade;
import tickbus.protocol.itch.LuldAuctionCollar;
import tickbus.protocol.itch.MwcbDeclineLevel;
import tickbus.protocol.itch.MwcbStatus;
import tickbus.protocol.itch.NonCrossTrade;
import tickbus.protocol.itch.OperationalHalt;
import tickbus.protocol.itch.OrderCancel;
import tickbus.protocol.itch.OrderDelete;
import tickbus.protocol.itch.OrderExecuted;
import tickbus.protocol.itch.OrderExecutedWithPrice;
import tickbus.protocol.itch.OrderReplace;
import tickbus.protocol.itch.RegShoRestriction;
import tickbus.protocol.itch.StockDirectory;
import tickbus.protocol.itch.StockTradingAction;

/** One-line builders of encoded ITCH messages for tests, using the production flyweights. */
public final class Itch50TestMessages {

    private Itch50TestMessages() {
    }

    public static byte[] stockDirectory(int locate, long timestamp, String stock) {
        byte[] bytes = new byte[StockDirectory.LENGTH];
        new StockDirectory().wrapForEncode(bytes, 0).stockLocate(locate).timestampNanos(timestamp).stock(stock)
                .marketCategory((byte) 'Q').roundLotSize(100);
        return bytes;
    }

    public static byte[] tradingAction(int locate, long timestamp, String stock, byte state, String reason) {
        byte[] bytes = new byte[StockTradingAction.LENGTH];
        new StockTradingAction().wrapForEncode(bytes, 0).stockLocate(locate).timestampNanos(timestamp).stock(stock)
                .tradingState(state).reserved((byte) ' ').reason(reason);
        return bytes;
    }

    public static byte[] regSho(int locate, long timestamp, String stock, byte action) {
        byte[] bytes = new byte[RegShoRestriction.LENGTH];
        new RegShoRestriction().wrapForEncode(bytes, 0).stockLocate(locate).timestampNanos(timestamp).stock(stock)
                .regShoAction(action);
        return bytes;
    }

    public static byte[] mwcbDeclineLevel(long timestamp, long level1, long level2, long level3) {
        byte[] bytes = new byte[MwcbDeclineLevel.LENGTH];
        new MwcbDeclineLevel().wrapForEncode(bytes, 0).timestampNanos(timestamp).level1(level1).level2(level2)
                .level3(level3);
        return bytes;
    }

    public static byte[] mwcbStatus(long timestamp, byte level) {
        byte[] bytes = new byte[MwcbStatus.LENGTH];
        new MwcbStatus().wrapForEncode(bytes, 0).timestampNanos(timestamp).breachedLevel(level);
        return bytes;
    }

    public static byte[] luldCollar(int locate, long timestamp, String stock, long reference, long upper,
            long lower, long extensions) {
        byte[] bytes = new byte[LuldAuctionCollar.LENGTH];
        new LuldAuctionCollar().wrapForEncode(bytes, 0).stockLocate(locate).timestampNanos(timestamp).stock(stock)
                .auctionCollarReferencePrice(reference).upperAuctionCollarPrice(upper).lowerAuctionCollarPrice(lower)
                .auctionCollarExtension(extensions);
        return bytes;
    }

    public static byte[] operationalHalt(int locate, long timestamp, String stock, byte market, byte action) {
        byte[] bytes = new byte[OperationalHalt.LENGTH];
        new OperationalHalt().wrapForEncode(bytes, 0).stockLocate(locate).timestampNanos(timestamp).stock(stock)
                .marketCode(market).operationalHaltAction(action);
        return bytes;
    }

    public static byte[] addOrder(int locate, long timestamp, long reference, byte side, long shares, String stock,
            long price) {
        byte[] bytes = new byte[AddOrder.LENGTH];
        new AddOrder().wrapForEncode(bytes, 0).stockLocate(locate).timestampNanos(timestamp)
                .orderReferenceNumber(reference).buySellIndicator(side).shares(shares).stock(stock).price(price);
        return bytes;
    }

    public static byte[] addOrderMpid(int locate, long timestamp, long reference, byte side, long shares,
            String stock, long price, String attribution) {
        byte[] bytes = new byte[AddOrderMpid.LENGTH];
        new AddOrderMpid().wrapForEncode(bytes, 0).stockLocate(locate).timestampNanos(timestamp)
                .orderReferenceNumber(reference).buySellIndicator(side).shares(shares).stock(stock).price(price)
                .attribution(attribution);
        return bytes;
    }

    public static byte[] executed(int locate, long timestamp, long reference, long shares, long matchNumber) {
        byte[] bytes = new byte[OrderExecuted.LENGTH];
        new OrderExecuted().wrapForEncode(bytes, 0).stockLocate(locate).timestampNanos(timestamp)
                .orderReferenceNumber(reference).executedShares(shares).matchNumber(matchNumber);
        return bytes;
    }

    public static byte[] executedWithPrice(int locate, long timestamp, long reference, long shares,
            long matchNumber, byte printable, long price) {
        byte[] bytes = new byte[OrderExecutedWithPrice.LENGTH];
        new OrderExecutedWithPrice().wrapForEncode(bytes, 0).stockLocate(locate).timestampNanos(timestamp)
                .orderReferenceNumber(reference).executedShares(shares).matchNumber(matchNumber)
                .printable(printable).executionPrice(price);
        return bytes;
    }

    public static byte[] cancel(int locate, long timestamp, long reference, long shares) {
        byte[] bytes = new byte[OrderCancel.LENGTH];
        new OrderCancel().wrapForEncode(bytes, 0).stockLocate(locate).timestampNanos(timestamp)
                .orderReferenceNumber(reference).canceledShares(shares);
        return bytes;
    }

    public static byte[] delete(int locate, long timestamp, long reference) {
        byte[] bytes = new byte[OrderDelete.LENGTH];
        new OrderDelete().wrapForEncode(bytes, 0).stockLocate(locate).timestampNanos(timestamp)
                .orderReferenceNumber(reference);
        return bytes;
    }

    public static byte[] replace(int locate, long timestamp, long original, long replacement, long shares,
            long price) {
        byte[] bytes = new byte[OrderReplace.LENGTH];
        new OrderReplace().wrapForEncode(bytes, 0).stockLocate(locate).timestampNanos(timestamp)
                .originalOrderReferenceNumber(original).newOrderReferenceNumber(replacement).shares(shares)
                .price(price);
        return bytes;
    }

    public static byte[] nonCrossTrade(int locate, long timestamp, byte side, long shares, String stock,
            long price, long matchNumber) {
        byte[] bytes = new byte[NonCrossTrade.LENGTH];
        new NonCrossTrade().wrapForEncode(bytes, 0).stockLocate(locate).timestampNanos(timestamp)
                .buySellIndicator(side).shares(shares).stock(stock).price(price).matchNumber(matchNumber);
        return bytes;
    }

    public static byte[] crossTrade(int locate, long timestamp, long shares, String stock, long price,
            long matchNumber, byte crossType) {
        byte[] bytes = new byte[CrossTrade.LENGTH];
        new CrossTrade().wrapForEncode(bytes, 0).stockLocate(locate).timestampNanos(timestamp).shares(shares)
                .stock(stock).crossPrice(price).matchNumber(matchNumber).crossType(crossType);
        return bytes;
    }

    public static byte[] brokenTrade(int locate, long timestamp, long matchNumber) {
        byte[] bytes = new byte[BrokenTrade.LENGTH];
        new BrokenTrade().wrapForEncode(bytes, 0).stockLocate(locate).timestampNanos(timestamp)
                .matchNumber(matchNumber);
        return bytes;
    }
}
