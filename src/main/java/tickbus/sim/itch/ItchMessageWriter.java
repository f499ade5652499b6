package tickbus.sim.itch;

import tickbus.protocol.itch.AddOrder;
import tickbus.protocol.itch.AddOrderMpid;
import tickbus.protocol.itch.BrokenTrade;
import tickbus.protocol.itch.CrossTrade;
import tickbus.protocol.itch.Itch50;
import tickbus.protocol.itch.MwcbDeclineLevel;
import tickbus.protocol.itch.NonCrossTrade;
import tickbus.protocol.itch.OrderCancel;
import tickbus.protocol.itch.OrderDelete;
import tickbus.protocol.itch.OrderExecuted;
import tickbus.protocol.itch.OrderExecutedWithPrice;
import tickbus.protocol.itch.OrderReplace;
import tickbus.protocol.itch.RegShoRestriction;
import tickbus.protocol.itch.StockDirectory;
import tickbus.protocol.itch.StockTradingAction;
import tickbus.protocol.itch.SystemEvent;

/** Encodes the ITCH messages the simulator sends with the production flyweights; each method returns the length. */
final class ItchMessageWriter {

    private final SystemEvent systemEvent = new SystemEvent();
    private final StockDirectory stockDirectory = new StockDirectory();
    private final StockTradingAction tradingAction = new StockTradingAction();
    private final RegShoRestriction regSho = new RegShoRestriction();
    private final MwcbDeclineLevel mwcbDeclineLevel = new MwcbDeclineLevel();
    private final AddOrder addOrder = new AddOrder();
    private final AddOrderMpid addOrderMpid = new AddOrderMpid();
    private final OrderExecuted executed = new OrderExecuted();
    private final OrderExecutedWithPrice executedWithPrice = new OrderExecutedWithPrice();
    private final OrderCancel cancel = new OrderCancel();
    private final OrderDelete delete = new OrderDelete();
    private final OrderReplace replace = new OrderReplace();
    private final NonCrossTrade nonCrossTrade = new NonCrossTrade();
    private final CrossTrade crossTrade = new CrossTrade();
    private final BrokenTrade brokenTrade = new BrokenTrade();

    int systemEvent(byte[] to, long timestamp, byte eventCode) {
        systemEvent.wrapForEncode(to, 0).timestampNanos(timestamp).eventCode(eventCode);
        return SystemEvent.LENGTH;
    }

    int stockDirectory(byte[] to, int locate, long timestamp, String stock) {
        stockDirectory.wrapForEncode(to, 0).stockLocate(locate).timestampNanos(timestamp).stock(stock)
                .marketCategory((byte) 'Q').financialStatusIndicator((byte) 'N').roundLotSize(100)
                .roundLotsOnly(Itch50.NO).issueClassification((byte) 'C').issueSubType("Z")
                .authenticity((byte) 'P').shortSaleThresholdIndicator(Itch50.NO).ipoFlag(Itch50.NO)
                .luldReferencePriceTier((byte) '1').etpFlag(Itch50.NO).etpLeverageFactor(0)
                .inverseIndicator(Itch50.NO);
        return StockDirectory.LENGTH;
    }

    int tradingAction(byte[] to, int locate, long timestamp, String stock, byte state, String reason) {
        tradingAction.wrapForEncode(to, 0).stockLocate(locate).timestampNanos(timestamp).stock(stock)
                .tradingState(state).reserved((byte) ' ').reason(reason);
        return StockTradingAction.LENGTH;
    }

    int regSho(byte[] to, int locate, long timestamp, String stock, byte action) {
        regSho.wrapForEncode(to, 0).stockLocate(locate).timestampNanos(timestamp).stock(stock).regShoAction(action);
        return RegShoRestriction.LENGTH;
    }

    int mwcbDeclineLevel(byte[] to, long timestamp, long level1, long level2, long level3) {
        mwcbDeclineLevel.wrapForEncode(to, 0).timestampNanos(timestamp).level1(level1).level2(level2).level3(level3);
        return MwcbDeclineLevel.LENGTH;
    }

    int addOrder(byte[] to, int locate, long timestamp, long reference, boolean buy, long shares, String stock,
            long price) {
        addOrder.wrapForEncode(to, 0).stockLocate(locate).timestampNanos(timestamp).orderReferenceNumber(reference)
                .buySellIndicator(buy ? Itch50.BUY : Itch50.SELL).shares(shares).stock(stock).price(price);
        return AddOrder.LENGTH;
    }

    int addOrderMpid(byte[] to, int locate, long timestamp, long reference, boolean buy, long shares, String stock,
            long price, String attribution) {
        addOrderMpid.wrapForEncode(to, 0).stockLocate(locate).timestampNanos(timestamp)
                .orderReferenceNumber(reference).buySellIndicator(buy ? Itch50.BUY : Itch50.SELL).shares(shares)
                .stock(stock).price(price).attribution(attribution);
        return AddOrderMpid.LENGTH;
    }

    int executed(byte[] to, int locate, long timestamp, long reference, long shares, long matchNumber) {
        executed.wrapForEncode(to, 0).stockLocate(locate).timestampNanos(timestamp).orderReferenceNumber(reference)
                .executedShares(shares).matchNumber(matchNumber);
        return OrderExecuted.LENGTH;
    }

    int executedWithPrice(byte[] to, int locate, long timestamp, long reference, long shares, long matchNumber,
            boolean printable, long price) {
        executedWithPrice.wrapForEncode(to, 0).stockLocate(locate).timestampNanos(timestamp)
                .orderReferenceNumber(reference).executedShares(shares).matchNumber(matchNumber)
                .printable(printable ? Itch50.YES : Itch50.NO).executionPrice(price);
        return OrderExecutedWithPrice.LENGTH;
    }

    int cancel(byte[] to, int locate, long timestamp, long reference, long shares) {
        cancel.wrapForEncode(to, 0).stockLocate(locate).timestampNanos(timestamp).orderReferenceNumber(reference)
                .canceledShares(shares);
        return OrderCancel.LENGTH;
    }

    int delete(byte[] to, int locate, long timestamp, long reference) {
        delete.wrapForEncode(to, 0).stockLocate(locate).timestampNanos(timestamp).orderReferenceNumber(reference);
        return OrderDelete.LENGTH;
    }

    int replace(byte[] to, int locate, long timestamp, long original, long replacement, long shares, long price) {
        replace.wrapForEncode(to, 0).stockLocate(locate).timestampNanos(timestamp)
                .originalOrderReferenceNumber(original).newOrderReferenceNumber(replacement).shares(shares)
                .price(price);
        return OrderReplace.LENGTH;
    }

    /** As NASDAQ sends it since 2014: the Buy/Sell Indicator 'B' whatever the hidden order's side. */
    int nonCrossTrade(byte[] to, int locate, long timestamp, long shares, String stock, long price, long matchNumber) {
        nonCrossTrade.wrapForEncode(to, 0).stockLocate(locate).timestampNanos(timestamp).orderReferenceNumber(0)
                .buySellIndicator(Itch50.BUY).shares(shares).stock(stock).price(price)
                .matchNumber(matchNumber);
        return NonCrossTrade.LENGTH;
    }

    int crossTrade(byte[] to, int locate, long timestamp, long shares, String stock, long price, long matchNumber) {
        crossTrade.wrapForEncode(to, 0).stockLocate(locate).timestampNanos(timestamp).shares(shares).stock(stock)
                .crossPrice(price).matchNumber(matchNumber).crossType(Itch50.CROSS_TYPE_INTRADAY);
        return CrossTrade.LENGTH;
    }

    int brokenTrade(byte[] to, int locate, long timestamp, long matchNumber) {
        brokenTrade.wrapForEncode(to, 0).stockLocate(locate).timestampNanos(timestamp).matchNumber(matchNumber);
        return BrokenTrade.LENGTH;
    }
}
