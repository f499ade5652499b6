package tickbus.bench;

import tickbus.protocol.itch.AddOrder;
import tickbus.protocol.itch.AddOrderMpid;
import tickbus.protocol.itch.BrokenTrade;
import tickbus.protocol.itch.CrossTrade;
import tickbus.protocol.itch.DlcrPriceDiscovery;
import tickbus.protocol.itch.IpoQuotingPeriodUpdate;
import tickbus.protocol.itch.Itch50Listener;
import tickbus.protocol.itch.LuldAuctionCollar;
import tickbus.protocol.itch.MarketParticipantPosition;
import tickbus.protocol.itch.MwcbDeclineLevel;
import tickbus.protocol.itch.MwcbStatus;
import tickbus.protocol.itch.Noii;
import tickbus.protocol.itch.NonCrossTrade;
import tickbus.protocol.itch.OperationalHalt;
import tickbus.protocol.itch.OrderCancel;
import tickbus.protocol.itch.OrderDelete;
import tickbus.protocol.itch.OrderExecuted;
import tickbus.protocol.itch.OrderExecutedWithPrice;
import tickbus.protocol.itch.OrderReplace;
import tickbus.protocol.itch.RegShoRestriction;
import tickbus.protocol.itch.Rpii;
import tickbus.protocol.itch.StockDirectory;
import tickbus.protocol.itch.StockTradingAction;
import tickbus.protocol.itch.SystemEvent;

/** Reads the fields a book builder reads from each message and folds them into a checksum, so none is optimised away. */
final class FieldReadingListener implements Itch50Listener {

    long checksum;

    @Override
    public void onSystemEvent(SystemEvent message) {
        checksum += message.eventCode() + message.timestampNanos();
    }

    @Override
    public void onStockDirectory(StockDirectory message) {
        checksum += message.stockLocate() + message.stockRaw();
    }

    @Override
    public void onStockTradingAction(StockTradingAction message) {
        checksum += message.stockLocate() + message.tradingState();
    }

    @Override
    public void onRegShoRestriction(RegShoRestriction message) {
        checksum += message.stockLocate() + message.regShoAction();
    }

    @Override
    public void onMarketParticipantPosition(MarketParticipantPosition message) {
        checksum += message.stockLocate() + message.marketMakerMode();
    }

    @Override
    public void onMwcbDeclineLevel(MwcbDeclineLevel message) {
        checksum += message.level1();
    }

    @Override
    public void onMwcbStatus(MwcbStatus message) {
        checksum += message.breachedLevel();
    }

    @Override
    public void onIpoQuotingPeriodUpdate(IpoQuotingPeriodUpdate message) {
        checksum += message.stockLocate() + message.ipoPrice();
    }

    @Override
    public void onLuldAuctionCollar(LuldAuctionCollar message) {
        checksum += message.stockLocate() + message.upperAuctionCollarPrice();
    }

    @Override
    public void onOperationalHalt(OperationalHalt message) {
        checksum += message.stockLocate() + message.operationalHaltAction();
    }

    @Override
    public void onAddOrder(AddOrder message) {
        checksum += message.stockLocate() + message.timestampNanos() + message.orderReferenceNumber()
                + message.buySellIndicator() + message.shares() + message.price();
    }

    @Override
    public void onAddOrderMpid(AddOrderMpid message) {
        checksum += message.stockLocate() + message.timestampNanos() + message.orderReferenceNumber()
                + message.buySellIndicator() + message.shares() + message.price();
    }

    @Override
    public void onOrderExecuted(OrderExecuted message) {
        checksum += message.stockLocate() + message.timestampNanos() + message.orderReferenceNumber()
                + message.executedShares() + message.matchNumber();
    }

    @Override
    public void onOrderExecutedWithPrice(OrderExecutedWithPrice message) {
        checksum += message.stockLocate() + message.timestampNanos() + message.orderReferenceNumber()
                + message.executedShares() + message.matchNumber() + message.printable() + message.executionPrice();
    }

    @Override
    public void onOrderCancel(OrderCancel message) {
        checksum += message.stockLocate() + message.timestampNanos() + message.orderReferenceNumber()
                + message.canceledShares();
    }

    @Override
    public void onOrderDelete(OrderDelete message) {
        checksum += message.stockLocate() + message.timestampNanos() + message.orderReferenceNumber();
    }

    @Override
    public void onOrderReplace(OrderReplace message) {
        checksum += message.stockLocate() + message.timestampNanos() + message.originalOrderReferenceNumber()
                + message.newOrderReferenceNumber() + message.shares() + message.price();
    }

    @Override
    public void onNonCrossTrade(NonCrossTrade message) {
        checksum += message.stockLocate() + message.timestampNanos() + message.shares() + message.price()
                + message.matchNumber();
    }

    @Override
    public void onCrossTrade(CrossTrade message) {
        checksum += message.stockLocate() + message.shares() + message.crossPrice() + message.matchNumber();
    }

    @Override
    public void onBrokenTrade(BrokenTrade message) {
        checksum += message.stockLocate() + message.matchNumber();
    }

    @Override
    public void onNoii(Noii message) {
        checksum += message.stockLocate() + message.imbalanceShares();
    }

    @Override
    public void onRpii(Rpii message) {
        checksum += message.stockLocate() + message.interestFlag();
    }

    @Override
    public void onDlcrPriceDiscovery(DlcrPriceDiscovery message) {
        checksum += message.stockLocate() + message.nearExecutionPrice();
    }
}
