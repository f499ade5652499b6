/**
 * FIXML 5.0 SP2 market data over long-polled HTTP: a hardened streaming decoder with a listener, and a writer.
 *
 * <h2>Messages</h2>
 * {@link tickbus.protocol.fixml.FixmlDecoder} reads {@code MktDataInc} (incremental refresh: {@code Inc}
 * entries with {@code UpdtAct} 0 new, 1 change, 2 delete; {@code Typ} 0 bid, 1 offer, 2 trade, 6 settlement
 * and others; {@code Px}, {@code Sz}, {@code RptSeq}, {@code TxnTm}, {@code TrdID}, {@code AgrsrSide} and
 * {@code <Instrmt Sym MMY>}) and {@code MktDataFull} (snapshot: {@code <Instrmt>} and {@code Full} entries),
 * inside {@code <FIXML><Batch>} or directly under {@code <FIXML>}, and calls one
 * {@link tickbus.protocol.fixml.FixmlListener} method per message. Unknown elements and attributes are skipped.
 * Prices are exact mantissas at a configured scale; a price with more significant decimals is rejected.
 *
 * <h2>Long-poll envelope and cursor</h2>
 * The server keeps a log of updates. One update is one {@code Inc} entry or one whole {@code MktDataFull}
 * snapshot, and has a position 1, 2, 3, ... in the log. A poll {@code GET /updates?cursor=N} asks for the
 * updates after position N; the answer is
 * <pre>
 * &lt;FIXML xmlns="http://www.fixprotocol.org/FIXML-5-0-SP2"&gt;
 *   &lt;Batch cursor="N" next="M"&gt;
 *     &lt;MktDataInc ApplSeqNum="S"&gt; Inc entries at positions S, S+1, ... &lt;/MktDataInc&gt;
 *     &lt;MktDataFull ApplSeqNum="T"&gt; ... &lt;/MktDataFull&gt;                  one position, T
 *   &lt;/Batch&gt;
 * &lt;/FIXML&gt;
 * </pre>
 * <ul>
 *   <li>{@code cursor} echoes the poll's cursor and {@code next} is the cursor for the next poll: every position
 *       in the batch is in {@code (cursor, next]}, strictly rising. {@code next} may exceed the last position
 *       carried when the server skipped updates for instruments the client did not ask for.</li>
 *   <li>{@code ApplSeqNum} (FIX tag 1181, "data sequence number used when a FIX session is not in effect") is
 *       the position of the message's first update; the entries of a {@code MktDataInc} take consecutive
 *       positions. Without it a message follows the previous one (or {@code cursor}) directly.</li>
 *   <li>An empty {@code Batch} is the long-poll heartbeat.</li>
 *   <li>A client that has processed the whole document resumes with {@code cursor=next}; positions are the
 *       per-source sequence numbers of the events normalized from them, so a cursor the server no longer holds
 *       turns into a GAP covering exactly the positions missed.</li>
 * </ul>
 * The decoder checks these rules and rejects violations as
 * {@link tickbus.protocol.fixml.FixmlException.Reason#BAD_SEQUENCE}. It delivers messages while parsing; a caller
 * that advances its cursor only after {@code decode} returns (buffering what its listener produced) gets
 * all-or-nothing documents.
 *
 * <h2>Hostile input</h2>
 * Before parsing: a size limit and a charset check (UTF-8, with or without BOM, US-ASCII when declared, or
 * UTF-16 with BOM; the XML declaration and the transport's charset must agree with the bytes; UTF-8 is
 * validated strictly). While parsing (Woodstox, built by {@code HardenedXmlInput}): no DTD (a DOCTYPE is
 * rejected), no external entities, resolvers that refuse everything, only the five predefined entities, and
 * limits on depth, attributes, attribute and text length, document characters and entity expansion
 * ({@link tickbus.protocol.fixml.FixmlLimits}). Every rejection is one
 * {@link tickbus.protocol.fixml.FixmlException} with a {@link tickbus.protocol.fixml.FixmlException.Reason}.
 */
package tickbus.protocol.fixml;
