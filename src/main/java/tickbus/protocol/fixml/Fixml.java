package tickbus.protocol.fixml;

/**
 * FIXML 5.0 SP2 names and code values used by the market-data messages tickbus reads and writes.
 *
 * <pre>
 * &lt;FIXML xmlns="http://www.fixprotocol.org/FIXML-5-0-SP2"&gt;
 *   &lt;Batch cursor="N" next="M"&gt;                       envelope (tickbus extension attributes)
 *     &lt;MktDataInc ApplSeqNum="S"&gt;                      MarketDataIncrementalRefresh (35=X)
 *       &lt;Inc UpdtAct="0" Typ="0" Px="101.25" Sz="300" RptSeq="7" TxnTm="2024-05-01T13:30:00.000001Z"&gt;
 *         &lt;Instrmt Sym="AAPL"/&gt;
 *       &lt;/Inc&gt;
 *     &lt;/MktDataInc&gt;
 *     &lt;MktDataFull ApplSeqNum="S" BizDt="2020-06-18"&gt;   MarketDataSnapshotFullRefresh (35=W)
 *       &lt;Instrmt Sym="USDCAN" MMY="20200618"/&gt;
 *       &lt;Full Typ="6" Px="1.35765"/&gt;
 *     &lt;/MktDataFull&gt;
 *   &lt;/Batch&gt;
 * &lt;/FIXML&gt;
 * </pre>
 */
public final class Fixml {

    public static final String NAMESPACE = "http://www.fixprotocol.org/FIXML-5-0-SP2";

    public static final String ELEMENT_ROOT = "FIXML";
    public static final String ELEMENT_BATCH = "Batch";
    public static final String ELEMENT_MKT_DATA_INC = "MktDataInc";
    public static final String ELEMENT_MKT_DATA_FULL = "MktDataFull";
    public static final String ELEMENT_INC = "Inc";
    public static final String ELEMENT_FULL = "Full";
    public static final String ELEMENT_INSTRUMENT = "Instrmt";

    /** Batch envelope: the cursor the request asked from (tickbus extension). */
    public static final String ATTRIBUTE_CURSOR = "cursor";
    /** Batch envelope: the cursor to ask from on the next poll (tickbus extension). */
    public static final String ATTRIBUTE_NEXT = "next";
    /** ApplSeqNum (1181): position of the message's first update in the server's log. */
    public static final String ATTRIBUTE_APPL_SEQ_NUM = "ApplSeqNum";
    /** BizDt (715): clearing business date. */
    public static final String ATTRIBUTE_BUSINESS_DATE = "BizDt";
    /** MDUpdateAction (279). */
    public static final String ATTRIBUTE_UPDATE_ACTION = "UpdtAct";
    /** MDEntryType (269). */
    public static final String ATTRIBUTE_ENTRY_TYPE = "Typ";
    /** MDEntryPx (270). */
    public static final String ATTRIBUTE_PRICE = "Px";
    /** MDEntrySize (271). */
    public static final String ATTRIBUTE_SIZE = "Sz";
    /** RptSeq (83): per-instrument update sequence. */
    public static final String ATTRIBUTE_REPORT_SEQUENCE = "RptSeq";
    /** TransactTime (60), UTC. */
    public static final String ATTRIBUTE_TRANSACT_TIME = "TxnTm";
    /** TradeID (1003). */
    public static final String ATTRIBUTE_TRADE_ID = "TrdID";
    /** AggressorSide (2446): 1 buy, 2 sell. */
    public static final String ATTRIBUTE_AGGRESSOR_SIDE = "AgrsrSide";
    /** Symbol (55). */
    public static final String ATTRIBUTE_SYMBOL = "Sym";
    /** MaturityMonthYear (200), e.g. 202412 or 20200618. */
    public static final String ATTRIBUTE_MATURITY = "MMY";

    public static final char ENTRY_TYPE_BID = '0';
    public static final char ENTRY_TYPE_OFFER = '1';
    public static final char ENTRY_TYPE_TRADE = '2';
    public static final char ENTRY_TYPE_OPENING_PRICE = '4';
    public static final char ENTRY_TYPE_CLOSING_PRICE = '5';
    public static final char ENTRY_TYPE_SETTLEMENT_PRICE = '6';
    public static final char ENTRY_TYPE_TRADE_VOLUME = 'B';
    public static final char ENTRY_TYPE_OPEN_INTEREST = 'C';

    public static final char AGGRESSOR_NONE = 0;
    public static final char AGGRESSOR_BUY = '1';
    public static final char AGGRESSOR_SELL = '2';

    /** Marks an absent cursor, sequence or report sequence. */
    public static final long ABSENT = -1;

    private Fixml() {
    }
}
