package tickbus.feed;

/** An open gap of transport sequence numbers {@code from..to} and when its recovery started. */
record GapRecovery(long from, long to, long startedMillis) {

    String describe() {
        return "from=" + from + ", to=" + to;
    }
}
