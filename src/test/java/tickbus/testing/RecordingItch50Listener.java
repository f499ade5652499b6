package tickbus.testing;

import java.util.ArrayList;
import java.util.List;
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

/** Records every decoded ITCH message as its {@code toString()}, in order. */
public final class RecordingItch50Listener implements Itch50Listener {

    private final List<String> messages = new ArrayList<>();

    public List<String> messages() {
        return messages;
    }

    @Override
    public void onSystemEvent(SystemEvent message) {
        messages.add(message.toString());
    }

    @Override
    public void onStockDirectory(StockDirectory message) {
        messages.add(message.toString());
    }

    @Override
    public void onStockTradingAction(StockTradingAction message) {
        messages.add(message.toString());
    }

    @Override
    public void onRegShoRestriction(RegShoRestriction message) {
        messages.add(message.toString());
    }

    @Override
    public void onMarketParticipantPosition(MarketParticipantPosition message) {
        messages.add(message.toString());
    }

    @Override
    public void onMwcbDeclineLevel(MwcbDeclineLevel message) {
        messages.add(message.toString());
    }

    @Override
    public void onMwcbStatus(MwcbStatus message) {
        messages.add(message.toString());
    }

    @Override
    public void onIpoQuotingPeriodUpdate(IpoQuotingPeriodUpdate message) {
        messages.add(message.toString());
    }

    @Override
    public void onLuldAuctionCollar(LuldAuctionCollar message) {
        messages.add(message.toString());
    }

    @Override
    public void onOperationalHalt(OperationalHalt message) {
        messages.add(message.toString());
    }

    @Override
    public void onAddOrder(AddOrder message) {
        messages.add(message.toString());
    }

    @Override
    public void onAddOrderMpid(AddOrderMpid message) {
        messages.add(message.toString());
    }

    @Override
    public void onOrderExecuted(OrderExecuted message) {
        messages.add(message.toString());
    }

    @Override
    public void onOrderExecutedWithPrice(OrderExecutedWithPrice message) {
        messages.add(message.toString());
    }

    @Override
    public void onOrderCancel(OrderCancel message) {
        messages.add(message.toString());
    }

    @Override
    public void onOrderDelete(OrderDelete message) {
        messages.add(message.toString());
    }

    @Override
    public void onOrderReplace(OrderReplace message) {
        messages.add(message.toString());
    }

    @Override
    public void onNonCrossTrade(NonCrossTrade message) {
        messages.add(message.toString());
    }

    @Override
    public void onCrossTrade(CrossTrade message) {
        messages.add(message.toString());
    }

    @Override
    public void onBrokenTrade(BrokenTrade message) {
        messages.add(message.toString());
    }

    @Override
    public void onNoii(Noii message) {
        messages.add(message.toString());
    }

    @Override
    public void onRpii(Rpii message) {
        messages.add(message.toString());
    }

    @Override
    public void onDlcrPriceDiscovery(DlcrPriceDiscovery message) {
        messages.add(message.toString());
    }
}
