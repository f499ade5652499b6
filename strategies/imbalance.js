// Quote imbalance: how much of the displayed size at the touch is on the bid. Imbalance near +1 means buyers
// dominate the top of the book (the price tends to tick up), near -1 sellers do. Also the size-weighted
// micro-price, a better fair value than the mid when the book is lopsided.
// Deploy (needs the js build profile): {"name": "imbalance", "verticle": "js:strategies/imbalance.js",
//   "worker": true, "config": {"instruments": ["XSIM:AAPL"], "threshold": "0.3"}}
// Output at tickbus.strategy.<name>, on every two-sided quote:
//   {instrument, seq, bidSize, askSize, imbalance, microPrice, pressure: BID|ASK|NEUTRAL}
const BigDecimal = Java.type('java.math.BigDecimal');
const RoundingMode = Java.type('java.math.RoundingMode');
const Delivery = Java.type('tickbus.strategy.MarketData$Delivery');

const config = strategy.config();
const instruments = config.getJsonArray('instruments').getList();
const threshold = new BigDecimal(config.getString('threshold', '0.3'));
const negativeThreshold = threshold.negate();

function onQuote(quote) {
  if (quote.kind().name() !== 'QUOTE' || !quote.hasBid() || !quote.hasAsk()) {
    return;
  }
  const bidSize = quote.bidSize();
  const askSize = quote.askSize();
  const depth = BigDecimal.valueOf(bidSize + askSize);
  const difference = BigDecimal.valueOf(bidSize - askSize);
  const imbalance = difference.divide(depth, 4, RoundingMode.HALF_EVEN);
  const microPrice = quote.bid().multiply(BigDecimal.valueOf(askSize))
      .add(quote.ask().multiply(BigDecimal.valueOf(bidSize)))
      .divide(depth, 6, RoundingMode.HALF_EVEN);
  let pressure = 'NEUTRAL';
  // Against the exact ratio, not the rounded one printed: 64,999 against 35,001 is 0.29998, below a 0.3 threshold.
  if (difference.compareTo(threshold.multiply(depth)) >= 0) {
    pressure = 'BID';
  } else if (difference.compareTo(negativeThreshold.multiply(depth)) <= 0) {
    pressure = 'ASK';
  }
  strategy.publish({
    instrument: quote.instrument(),
    seq: quote.sequence(),
    bidSize: bidSize,
    askSize: askSize,
    imbalance: imbalance.toPlainString(),
    microPrice: microPrice.stripTrailingZeros().toPlainString(),
    pressure: pressure,
  });
}

function start() {
  return strategy.subscribeAll(instruments, strategy.kinds('quote'), Delivery.EVERY, onQuote);
}
