package tickbus.protocol.itch;

/**
 * Receives decoded ITCH 5.0 messages, one method per message type. The message objects are reused flyweights
 * over the decoder's input: read them during the call, never keep them.
 */
public interface Itch50Listener {

    /** Receive a System Event message. */
    void onSystemEvent(SystemEvent message);

    /** Receive a Stock Directory message. */
    void onStockDirectory(StockDirectory message);

    /** Receive a Stock Trading Action message. */
    void onStockTradingAction(StockTradingAction message);

    /** Receive a Reg SHO Short Sale Price Test Restriction message. */
    void onRegShoRestriction(RegShoRestriction message);

    /** Receive a Market Participant Position message. */
    void onMarketParticipantPosition(MarketParticipantPosition message);

    /** Receive an MWCB Decline Level message. */
    void onMwcbDeclineLevel(MwcbDeclineLevel message);

    /** Receive an MWCB Status message. */
    void onMwcbStatus(MwcbStatus message);

    /** Receive an IPO Quoting Period Update message. */
    void onIpoQuotingPeriodUpdate(IpoQuotingPeriodUpdate message);

    /** Receive a LULD Auction Collar message. */
    void onLuldAuctionCollar(LuldAuctionCollar message);

    /** Receive an Operational Halt message. */
    void onOperationalHalt(OperationalHalt message);

    /** Receive an Add Order (no MPID attribution) message. */
    void onAddOrder(AddOrder message);

    /** Receive an Add Order with MPID attribution message. */
    void onAddOrderMpid(AddOrderMpid message);

    /** Receive an Order Executed message. */
    void onOrderExecuted(OrderExecuted message);

    /** Receive an Order Executed With Price message. */
    void onOrderExecutedWithPrice(OrderExecutedWithPrice message);

    /** Receive an Order Cancel message. */
    void onOrderCancel(OrderCancel message);

    /** Receive an Order Delete message. */
    void onOrderDelete(OrderDelete message);

    /** Receive an Order Replace message. */
    void onOrderReplace(OrderReplace message);

    /** Receive a Trade (non-cross) message. */
    void onNonCrossTrade(NonCrossTrade message);

    /** Receive a Cross Trade message. */
    void onCrossTrade(CrossTrade message);

    /** Receive a Broken Trade message. */
    void onBrokenTrade(BrokenTrade message);

    /** Receive a Net Order Imbalance Indicator message. */
    void onNoii(Noii message);

    /** Receive a Retail Price Improvement Indicator message. */
    void onRpii(Rpii message);

    /** Receive a Direct Listing with Capital Raise Price Discovery message. */
    void onDlcrPriceDiscovery(DlcrPriceDiscovery message);
}
