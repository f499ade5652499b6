package tickbus.protocol.itch;

/**
 * Decodes ITCH 5.0 messages, one per call, into reused flyweights handed to an {@link Itch50Listener}; it
 * allocates nothing. The caller gives each message's exact length (from the SoupBinTCP or BinaryFILE frame),
 * and every type must have exactly its spec length: a shorter or longer message throws an {@link Itch50Exception}
 * naming the type and both lengths. A type ITCH 5.0 does not define is counted and skipped. Not thread-safe.
 */
public final class Itch50Decoder {

    private final Itch50Listener listener;
    private final SystemEvent systemEvent = new SystemEvent();
    private final StockDirectory stockDirectory = new StockDirectory();
    private final StockTradingAction stockTradingAction = new StockTradingAction();
    private final RegShoRestriction regShoRestriction = new RegShoRestriction();
    private final MarketParticipantPosition marketParticipantPosition = new MarketParticipantPosition();
    private final MwcbDeclineLevel mwcbDeclineLevel = new MwcbDeclineLevel();
    private final MwcbStatus mwcbStatus = new MwcbStatus();
    private final IpoQuotingPeriodUpdate ipoQuotingPeriodUpdate = new IpoQuotingPeriodUpdate();
    private final LuldAuctionCollar luldAuctionCollar = new LuldAuctionCollar();
    private final OperationalHalt operationalHalt = new OperationalHalt();
    private final AddOrder addOrder = new AddOrder();
    private final AddOrderMpid addOrderMpid = new AddOrderMpid();
    private final OrderExecuted orderExecuted = new OrderExecuted();
    private final OrderExecutedWithPrice orderExecutedWithPrice = new OrderExecutedWithPrice();
    private final OrderCancel orderCancel = new OrderCancel();
    private final OrderDelete orderDelete = new OrderDelete();
    private final OrderReplace orderReplace = new OrderReplace();
    private final NonCrossTrade nonCrossTrade = new NonCrossTrade();
    private final CrossTrade crossTrade = new CrossTrade();
    private final BrokenTrade brokenTrade = new BrokenTrade();
    private final Noii noii = new Noii();
    private final Rpii rpii = new Rpii();
    private final DlcrPriceDiscovery dlcrPriceDiscovery = new DlcrPriceDiscovery();
    private long messages;
    private long unknownMessageTypes;
    private long malformedMessages;

    public Itch50Decoder(Itch50Listener listener) {
        this.listener = listener;
    }

    /** Decode the message in {@code buffer[offset, offset + length)}. */
    public void decode(byte[] buffer, int offset, int length) {
        if (length < 1) {
            malformedMessages++;
            throw new Itch50Exception("message is empty: length=" + length + ", min=1");
        }
        if (offset < 0 || offset > buffer.length - length) {
            malformedMessages++;
            throw new Itch50Exception("message outside its buffer: offset=" + offset + ", length=" + length
                    + ", capacity=" + buffer.length);
        }
        byte messageType = buffer[offset];
        switch (messageType) {
            case Itch50.MESSAGE_TYPE_SYSTEM_EVENT -> {
                checkLength(messageType, length, SystemEvent.LENGTH);
                listener.onSystemEvent(systemEvent.wrapUnchecked(buffer, offset));
            }
            case Itch50.MESSAGE_TYPE_STOCK_DIRECTORY -> {
                checkLength(messageType, length, StockDirectory.LENGTH);
                listener.onStockDirectory(stockDirectory.wrapUnchecked(buffer, offset));
            }
            case Itch50.MESSAGE_TYPE_STOCK_TRADING_ACTION -> {
                checkLength(messageType, length, StockTradingAction.LENGTH);
                listener.onStockTradingAction(stockTradingAction.wrapUnchecked(buffer, offset));
            }
            case Itch50.MESSAGE_TYPE_REG_SHO_RESTRICTION -> {
                checkLength(messageType, length, RegShoRestriction.LENGTH);
                listener.onRegShoRestriction(regShoRestriction.wrapUnchecked(buffer, offset));
            }
            case Itch50.MESSAGE_TYPE_MARKET_PARTICIPANT_POSITION -> {
                checkLength(messageType, length, MarketParticipantPosition.LENGTH);
                listener.onMarketParticipantPosition(marketParticipantPosition.wrapUnchecked(buffer, offset));
            }
            case Itch50.MESSAGE_TYPE_MWCB_DECLINE_LEVEL -> {
                checkLength(messageType, length, MwcbDeclineLevel.LENGTH);
                listener.onMwcbDeclineLevel(mwcbDeclineLevel.wrapUnchecked(buffer, offset));
            }
            case Itch50.MESSAGE_TYPE_MWCB_STATUS -> {
                checkLength(messageType, length, MwcbStatus.LENGTH);
                listener.onMwcbStatus(mwcbStatus.wrapUnchecked(buffer, offset));
            }
            case Itch50.MESSAGE_TYPE_IPO_QUOTING_PERIOD_UPDATE -> {
                checkLength(messageType, length, IpoQuotingPeriodUpdate.LENGTH);
                listener.onIpoQuotingPeriodUpdate(ipoQuotingPeriodUpdate.wrapUnchecked(buffer, offset));
            }
            case Itch50.MESSAGE_TYPE_LULD_AUCTION_COLLAR -> {
                checkLength(messageType, length, LuldAuctionCollar.LENGTH);
                listener.onLuldAuctionCollar(luldAuctionCollar.wrapUnchecked(buffer, offset));
            }
            case Itch50.MESSAGE_TYPE_OPERATIONAL_HALT -> {
                checkLength(messageType, length, OperationalHalt.LENGTH);
                listener.onOperationalHalt(operationalHalt.wrapUnchecked(buffer, offset));
            }
            case Itch50.MESSAGE_TYPE_ADD_ORDER -> {
                checkLength(messageType, length, AddOrder.LENGTH);
                listener.onAddOrder(addOrder.wrapUnchecked(buffer, offset));
            }
            case Itch50.MESSAGE_TYPE_ADD_ORDER_MPID -> {
                checkLength(messageType, length, AddOrderMpid.LENGTH);
                listener.onAddOrderMpid(addOrderMpid.wrapUnchecked(buffer, offset));
            }
            case Itch50.MESSAGE_TYPE_ORDER_EXECUTED -> {
                checkLength(messageType, length, OrderExecuted.LENGTH);
                listener.onOrderExecuted(orderExecuted.wrapUnchecked(buffer, offset));
            }
            case Itch50.MESSAGE_TYPE_ORDER_EXECUTED_WITH_PRICE -> {
                checkLength(messageType, length, OrderExecutedWithPrice.LENGTH);
                listener.onOrderExecutedWithPrice(orderExecutedWithPrice.wrapUnchecked(buffer, offset));
            }
            case Itch50.MESSAGE_TYPE_ORDER_CANCEL -> {
                checkLength(messageType, length, OrderCancel.LENGTH);
                listener.onOrderCancel(orderCancel.wrapUnchecked(buffer, offset));
            }
            case Itch50.MESSAGE_TYPE_ORDER_DELETE -> {
                checkLength(messageType, length, OrderDelete.LENGTH);
                listener.onOrderDelete(orderDelete.wrapUnchecked(buffer, offset));
            }
            case Itch50.MESSAGE_TYPE_ORDER_REPLACE -> {
                checkLength(messageType, length, OrderReplace.LENGTH);
                listener.onOrderReplace(orderReplace.wrapUnchecked(buffer, offset));
            }
            case Itch50.MESSAGE_TYPE_TRADE -> {
                checkLength(messageType, length, NonCrossTrade.LENGTH);
                listener.onNonCrossTrade(nonCrossTrade.wrapUnchecked(buffer, offset));
            }
            case Itch50.MESSAGE_TYPE_CROSS_TRADE -> {
                checkLength(messageType, length, CrossTrade.LENGTH);
                listener.onCrossTrade(crossTrade.wrapUnchecked(buffer, offset));
            }
            case Itch50.MESSAGE_TYPE_BROKEN_TRADE -> {
                checkLength(messageType, length, BrokenTrade.LENGTH);
                listener.onBrokenTrade(brokenTrade.wrapUnchecked(buffer, offset));
            }
            case Itch50.MESSAGE_TYPE_NOII -> {
                checkLength(messageType, length, Noii.LENGTH);
                listener.onNoii(noii.wrapUnchecked(buffer, offset));
            }
            case Itch50.MESSAGE_TYPE_RPII -> {
                checkLength(messageType, length, Rpii.LENGTH);
                listener.onRpii(rpii.wrapUnchecked(buffer, offset));
            }
            case Itch50.MESSAGE_TYPE_DLCR_PRICE_DISCOVERY -> {
                checkLength(messageType, length, DlcrPriceDiscovery.LENGTH);
                listener.onDlcrPriceDiscovery(dlcrPriceDiscovery.wrapUnchecked(buffer, offset));
            }
            default -> {
                unknownMessageTypes++;
                return;
            }
        }
        messages++;
    }

    /** Messages decoded and delivered. */
    public long messages() {
        return messages;
    }

    /** Messages skipped because ITCH 5.0 does not define their type. */
    public long unknownMessageTypes() {
        return unknownMessageTypes;
    }

    /** Messages rejected with an {@link Itch50Exception}. */
    public long malformedMessages() {
        return malformedMessages;
    }

    private void checkLength(byte messageType, int length, int expected) {
        if (length != expected) {
            malformedMessages++;
            String problem = length < expected ? "message truncated" : "message too long";
            throw new Itch50Exception(problem + ": type=" + Itch50Bytes.describe(messageType) + ", length=" + length
                    + ", expected=" + expected);
        }
    }
}
