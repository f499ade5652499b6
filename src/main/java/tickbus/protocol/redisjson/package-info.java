/**
 * JSON market-data payloads as published on Redis (pub/sub channels or stream entries): a hardened decoder
 * on Jackson's streaming parser, a listener with one method per payload kind, an encoder, and a bounded
 * dead-letter log. Pure: no sockets, no timers, no threads.
 *
 * <h2>tickbus schema, version 1 ({@link tickbus.protocol.redisjson.PayloadFormat#TICKBUS})</h2>
 *
 * One JSON object per payload, fields in any order, unknown fields ignored (but still bounded and checked):
 *
 * <pre>
 * {"v":1,"type":"quote","sym":"BTC-USD","seq":41,"ts":1618677817089723000,
 *  "bid":"61234.5","bidSize":"0.25","ask":"61235","askSize":"1.5"}
 * {"v":1,"type":"trade","sym":"BTC-USD","seq":42,"ts":1618677817091000000,
 *  "price":"61235","size":"0.01","side":"buy","id":"280232"}
 * </pre>
 *
 * <table>
 * <caption>fields</caption>
 * <tr><th>field</th><th>type</th><th>meaning</th></tr>
 * <tr><td>v</td><td>integer</td><td>schema version, must be 1</td></tr>
 * <tr><td>type</td><td>string</td><td>{@code quote} or {@code trade}</td></tr>
 * <tr><td>sym</td><td>string</td><td>symbol, 1 to 64 of {@code [A-Za-z0-9._/+^=_-]}; the instrument id is
 *     {@code VENUE:sym} with the venue from configuration</td></tr>
 * <tr><td>seq</td><td>integer &ge; 0</td><td>the publisher's sequence number, one counter per channel
 *     (stream), +1 per payload, so a subscriber to any subset of channels detects loss and duplicates</td></tr>
 * <tr><td>ts</td><td>integer &ge; 0</td><td>event time, <b>nanoseconds</b> since the Unix epoch</td></tr>
 * <tr><td>bid, ask</td><td>decimal</td><td>quote prices; an empty side is {@code "0"} with size {@code "0"}</td></tr>
 * <tr><td>bidSize, askSize</td><td>decimal &ge; 0</td><td>quote sizes</td></tr>
 * <tr><td>price</td><td>decimal</td><td>trade price</td></tr>
 * <tr><td>size</td><td>decimal &ge; 0</td><td>trade size</td></tr>
 * <tr><td>side</td><td>string</td><td>the taker's side: {@code buy}, {@code sell} or {@code unknown}</td></tr>
 * <tr><td>id</td><td>string</td><td>the venue's trade id, at most 128 chars (may be empty)</td></tr>
 * </table>
 *
 * <p>All fields of a type are required. A decimal is a JSON string (preferred: {@code "0.00001305"}) or a JSON
 * number ({@code 1.305e-05}); both are read from their text, never through {@code double}, and must fit the
 * configured scale exactly: prices become {@code long} mantissas at the price scale, sizes at the size scale
 * (for crypto amounts typically 8, i.e. sizes count 1e-8 units). A value with more decimals than its scale,
 * or too large for a {@code long} mantissa, is refused, never rounded.
 *
 * <h2>cryptofeed shapes ({@code CRYPTOFEED_TRADE}, {@code CRYPTOFEED_TICKER})</h2>
 *
 * What cryptofeed's Redis backends write: {@code json.dumps(obj.to_dict(numeric_type=float, none_to='None'))}
 * plus {@code receipt_timestamp}:
 *
 * <pre>
 * {"exchange":"COINBASE","symbol":"SKL-BTC","side":"buy","amount":985.0,"price":1.305e-05,"id":"280232",
 *  "type":"None","timestamp":1618677817.089723,"receipt_timestamp":1618677817.1295161}
 * {"exchange":"COINBASE","symbol":"BAND-GBP","bid":14.755,"ask":14.806,"timestamp":1618677810.244075,
 *  "receipt_timestamp":1618677817.079694}
 * </pre>
 *
 * Numbers are Python float reprs (or strings with {@code numeric_type=str}), read exactly from their text.
 * Timestamps are float <b>seconds</b> since the epoch, converted to nanoseconds (digits beyond nanoseconds
 * are dropped). {@code "None"} or {@code null} is "no value": refused for exchange, symbol, amount and price;
 * {@code side} becomes unknown, {@code id} empty, a timestamp absent, a ticker side empty. There is no
 * sequence number and the ticker has no sizes.
 *
 * <h2>Refusals</h2>
 *
 * Every refusal is a {@link tickbus.protocol.redisjson.RedisJsonException} with a
 * {@link tickbus.protocol.redisjson.RedisJsonException.Reason}; nothing reaches the listener unless the whole
 * payload is valid: UTF-8 (checked up front), one JSON object and nothing after it, within
 * {@link tickbus.protocol.redisjson.RedisJsonLimits}, no duplicate keys, no NaN or Infinity, no comments, no
 * single quotes, no trailing commas, no leading zeros (in decimals given as strings too).
 */
package tickbus.protocol.redisjson;
