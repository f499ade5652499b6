// Deliberately does not compile: the deploy tests check that the node reports file, line and message and keeps
// running.
import tickbus.strategy.StrategyContext

def strategy = StrategyContext.of(vertx, 'broken')
strategy.subscribe('XSIM:AAA', strategy.kinds('quote')) { event ->
    println(event
}
