/**
 * FIXML market data to tickbus events.
 *
 * <h2>Mapping</h2>
 * <ul>
 *   <li><b>Instrument id</b>: {@code VENUE:Sym} (venue configurable, {@code XCME} by default); when the
 *       {@code Instrmt} carries {@code MMY} the id is {@code VENUE:Sym-MMY}. A CME symbol such as
 *       {@code USDCAN} names a product, not a contract: the CME settlement file has 454 forward dates for it,
 *       each with its own settlement price, and folding them into one id would leave the last date's price
 *       overwriting the others. The contract is {@code Sym} plus maturity, as in FIX itself. An id belongs to
 *       one instrument: {@code Sym="ES-Z4"} and {@code Sym="ES" MMY="Z4"} both make {@code XCME:ES-Z4}, so the
 *       one seen second is refused, its entries counted ({@code instrumentIdConflicts}) and described
 *       ({@code lastInstrumentIdConflict()}, naming both), never published under the other's id.</li>
 *   <li><b>Bid/offer</b> ({@code Typ} 0/1) maintain a price-level book per instrument. Each incremental entry
 *       gives a {@link tickbus.event.BookUpdate} with the one changed level (size 0 deletes), then a
 *       {@link tickbus.event.Quote} if the best bid or offer changed. A {@code MktDataFull} replaces the book and
 *       gives a snapshot {@code BookUpdate} and a {@code Quote} restating the top of book, changed or not (when
 *       the book has or had levels, or was quoted): quotes produced before it may never have been published (held
 *       back until the snapshot, or discarded with a failed document), so the snapshot is where subscribers learn
 *       the top again. A snapshot bid or offer of size 0 is no level: it is skipped and counted
 *       ({@code emptySnapshotLevels}), never the best bid with nothing behind it. Refusing the document instead
 *       would quarantine every instrument in it, and the snapshot requested next would likely carry the same
 *       entry.</li>
 *   <li><b>Bounded depth</b>: a book side keeps its best {@code maxLevelsPerSide} levels. On a full side a new
 *       price better than the worst level evicts it (counted, {@code evictedLevels}), and the entry's
 *       {@code BookUpdate} carries the evicted level with size 0, so subscribers' books keep the same depth; a
 *       new price worse than every level is dropped (counted, {@code droppedLevels}). A later delete or change of
 *       a level beyond the depth finds no level and is counted as for any unknown level (a change is applied as
 *       new if it fits).</li>
 *   <li><b>Trade</b> ({@code Typ} 2): new is a {@link tickbus.event.TradeType#REGULAR} trade, delete is
 *       {@link tickbus.event.TradeType#BROKEN} (a bust of {@code TrdID}); a change (trade correction) has no
 *       faithful event in the model and is counted, not guessed. The last trade inside a snapshot is state, not a
 *       new print, and gives no event.</li>
 *   <li><b>Settlement</b> ({@code Typ} 6): an {@link tickbus.event.InstrumentStatus} with state
 *       {@code TRADING} and reason {@code settlement=<price>[, businessDate=<BizDt>]}. A settlement price is an
 *       official end-of-day reference price set by the clearing house, not an execution: a {@code Trade} would
 *       inflate volume, VWAP and last-price for anyone consuming trades, and a {@code Quote} or
 *       {@code BookUpdate} would put a price in the book that nobody can trade against. A status is the one
 *       existing event that reports "something official happened to this instrument" without being mistaken
 *       for liquidity or prints. Its shortcoming: the price travels as text in the reason, so the clean
 *       mapping is a dedicated reference-price event (see the feed's report).</li>
 *   <li>Other entry types (volume, open interest, ...) are counted as ignored.</li>
 * </ul>
 *
 * <h2>Sequence and time</h2>
 * Every event carries its update's log position as its sequence (see {@code tickbus.protocol.fixml}); the
 * events produced from one update (a {@code BookUpdate} and a {@code Quote}) share it, on different addresses.
 * Exchange time is the entry's {@code TxnTm} when present, else the receive time set by the feed.
 *
 * <h2>Documents that fail part-way</h2>
 * The decoder delivers messages as it parses, so a document rejected near its end has already produced events.
 * The feed buffers a document's events, publishes them and advances its cursor only when {@code decode} returns,
 * and otherwise drops them and calls {@link tickbus.normalize.fixml.FixmlNormalizer#eventsDiscarded()}. The books
 * may keep the failed document's updates: level updates are absolute, so retrying the document re-applies them
 * harmlessly, and a document that is skipped is followed by a GAP and a snapshot that replaces the book.
 *
 * <h2>Demand</h2>
 * Books are maintained for every instrument the server sends, so an instrument that gains demand has a correct
 * book; events are produced only for instruments the {@code wanted} predicate accepts.
 */
package tickbus.normalize.fixml;
