// Deliberately does not compile: the deploy tests check that the node reports file, line and message.
function start() {
  return strategy.subscribe('XSIM:AAA', strategy.kinds('quote'), (quote) => {
    strategy.publish({ seq: quote.sequence() ;
  });
}
