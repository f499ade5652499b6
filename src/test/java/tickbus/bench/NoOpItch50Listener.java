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

/** A listener that ignores every message; subclasses keep the ones they need. */
abstract class NoOpItch50Listener implements Itch50Listener {

    @Override
    public void onSystemEvent(SystemEvent message) {
        // Not a book operation.
    }

    @Override
    public void onStockDirectory(StockDirectory message) {
        // Not a book operation.
    }

    @Override
    public void onStockTradingAction(StockTradingAction message) {
        // Not a book operation.
    }

    @Override
    public void onRegShoRestriction(RegShoRestriction message) {
        // Not a book operation.
    }

    @Override
    public void onMarketParticipantPosition(MarketParticipantPosition message) {
        // Not a book operation.
    }

    @Override
    public void onMwcbDeclineLevel(MwcbDeclineLevel message) {
        // Not a book operation.
    }

    @Override
    public void onMwcbStatus(MwcbStatus message) {
        // Not a book operation.
    }

    @Override
    public void onIpoQuotingPeriodUpdate(IpoQuotingPeriodUpdate message) {
        // Not a book operation.
    }

    @Override
    public void onLuldAuctionCollar(LuldAuctionCollar message) {
        // Not a book operation.
    }

    @Override
    public void onOperationalHalt(OperationalHalt message) {
        // Not a book operation.
    }

    @Override
    public void onAddOrder(AddOrder message) {
        // Not a book operation.
    }

    @Override
    public void onAddOrderMpid(AddOrderMpid message) {
        // Not a book operation.
    }

    @Override
    public void onOrderExecuted(OrderExecuted message) {
        // Not a book operation.
    }

    @Override
    public void onOrderExecutedWithPrice(OrderExecutedWithPrice message) {
        // Not a book operation.
    }

    @Override
    public void onOrderCancel(OrderCancel message) {
        // Not a book operation.
    }

    @Override
    public void onOrderDelete(OrderDelete message) {
        // Not a book operation.
    }

    @Override
    public void onOrderReplace(OrderReplace message) {
        // Not a book operation.
    }

    @Override
    public void onNonCrossTrade(NonCrossTrade message) {
        // Not a book operation.
    }

    @Override
    public void onCrossTrade(CrossTrade message) {
        // Not a book operation.
    }

    @Override
    public void onBrokenTrade(BrokenTrade message) {
        // Not a book operation.
    }

    @Override
    public void onNoii(Noii message) {
        // Not a book operation.
    }

    @Override
    public void onRpii(Rpii message) {
        // Not a book operation.
    }

    @Override
    public void onDlcrPriceDiscovery(DlcrPriceDiscovery message) {
        // Not a book operation.
    }
}
