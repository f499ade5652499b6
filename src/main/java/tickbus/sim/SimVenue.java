package tickbus.sim;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import tickbus.protocol.sim.SimMessages;

/**
 * An in-process venue: a sequenced firehose of quotes and trades (random walks) for a set of symbols, a replay
 * window, heartbeats, asynchronous subscription confirmations, and injectable faults. Used by the demo and by the
 * engine's tests. Thread-safe; sessions receive on their own context.
 */
public final class SimVenue {

    private static final Map<String, SimVenue> VENUES = new ConcurrentHashMap<>();
    private static final int REPLAY_WINDOW_MESSAGES = 100_000;

    private final String name;
    private final List<String> symbols;
    private final Random random;
    private final long[] mids;
    private final ArrayDeque<Buffer> history = new ArrayDeque<>();
    private final List<SimSession> sessions = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> subscribeFailures = new HashMap<>();
    private final Map<String, Integer> subscribeAttempts = new HashMap<>();
    private final SimFaults faults = new SimFaults();
    private long lastSequence;
    private long firstRetainedSequence = 1;
    private long tradeIds;
    private long sessionId = 1;
    private long unsentFrom = 1;

    public SimVenue(String name, List<String> symbols, long seed) {
        this.name = name;
        this.symbols = List.copyOf(symbols);
        this.random = new Random(seed);
        this.mids = new long[symbols.size()];
        for (int i = 0; i < mids.length; i++) {
            mids[i] = (50 + random.nextInt(450)) * 10_000L;
        }
    }

    /** Register a venue under its name so feeds configured with {@code venueName} find it. */
    public static SimVenue register(SimVenue venue) {
        VENUES.put(venue.name, venue);
        return venue;
    }

    public static SimVenue named(String name) {
        return VENUES.get(name);
    }

    public static void unregister(String name) {
        VENUES.remove(name);
    }

    public String name() {
        return name;
    }

    public List<String> symbols() {
        return symbols;
    }

    public SimFaults faults() {
        return faults;
    }

    public synchronized long lastSequence() {
        return lastSequence;
    }

    public synchronized long sessionId() {
        return sessionId;
    }

    /**
     * Open a session that replays from {@code resumeSequence} (0: from the next new message). When
     * {@code requestedSessionId} is not 0 and not the current session, the client missed a restart and is sent
     * the new session from its start.
     */
    public synchronized Future<SimSession> connect(long requestedSessionId, long resumeSequence, Context context,
            SimSession.Receiver receiver) {
        if (faults.takeConnectRejection()) {
            return Future.failedFuture("venue " + name + " refused the connection (injected fault)");
        }
        SimSession session = new SimSession(this, context, receiver, sessionId);
        long from = resumeSequence == 0 ? lastSequence + 1 : resumeSequence;
        if (requestedSessionId != 0 && requestedSessionId != sessionId) {
            from = 1;
        }
        if (from < firstRetainedSequence) {
            from = firstRetainedSequence;
        }
        session.send(from, replayFrom(from));
        sessions.add(session);
        return Future.succeededFuture(session);
    }

    /** The retained messages from {@code from} on, read from the newest end: a flush wants only the last few. */
    private List<Buffer> replayFrom(long from) {
        int count = (int) Math.max(0, Math.min(history.size(), firstRetainedSequence + history.size() - from));
        Buffer[] replay = new Buffer[count];
        Iterator<Buffer> newestFirst = history.descendingIterator();
        for (int i = count - 1; i >= 0; i--) {
            replay[i] = newestFirst.next();
        }
        return Arrays.asList(replay);
    }

    /** Every retained message from {@code from} again, to one session (a replay request). */
    synchronized void replay(SimSession session, long from) {
        long start = Math.max(from, firstRetainedSequence);
        session.send(start, replayFrom(start));
    }

    void closed(SimSession session) {
        sessions.remove(session);
    }

    /** How many subscribe attempts the venue saw for a symbol. */
    public synchronized int subscribeAttempts(String symbol) {
        return subscribeAttempts.getOrDefault(symbol, 0);
    }

    synchronized Future<Void> subscribe(String symbol) {
        subscribeAttempts.merge(symbol, 1, Integer::sum);
        if (!symbols.contains(symbol)) {
            return Future.failedFuture(new IllegalArgumentException("unknown symbol: symbol=" + symbol
                    + ", venue=" + name));
        }
        Integer failures = subscribeFailures.get(symbol);
        if (failures != null && failures > 0) {
            subscribeFailures.put(symbol, failures - 1);
            return Future.failedFuture("venue " + name + " is busy, try again (injected fault): symbol=" + symbol);
        }
        return Future.succeededFuture();
    }

    /** The next {@code count} subscribe attempts for {@code symbol} fail transiently. */
    public synchronized void failSubscribes(String symbol, int count) {
        subscribeFailures.put(symbol, count);
    }

    /** Generate and send {@code count} new messages. */
    public synchronized void generate(int count) {
        if (faults.silent() || faults.muted()) {
            return;
        }
        long now = System.currentTimeMillis() * 1_000_000L;
        for (int i = 0; i < count; i++) {
            int index = random.nextInt(symbols.size());
            record(nextMessage(index, now));
        }
        if (faults.takeSkip() > 0) {
            unsentFrom = lastSequence + 1;
            return;
        }
        flushToSessions();
    }

    private Buffer nextMessage(int index, long nowNanos) {
        long tick = 100;
        mids[index] = Math.max(10 * tick, mids[index] + (random.nextInt(5) - 2) * tick);
        long mid = mids[index];
        if (random.nextInt(4) == 0) {
            boolean buy = random.nextBoolean();
            long price = buy ? mid + tick : mid - tick;
            return SimMessages.trade(symbols.get(index), nowNanos, price, 1 + random.nextInt(50) * 100L, buy,
                    ++tradeIds);
        }
        long spread = tick * (1 + random.nextInt(3));
        return SimMessages.quote(symbols.get(index), nowNanos, mid - spread, 100 + random.nextInt(20) * 100L,
                mid + spread, 100 + random.nextInt(20) * 100L);
    }

    private void record(Buffer message) {
        lastSequence++;
        history.addLast(message);
        if (history.size() > REPLAY_WINDOW_MESSAGES) {
            history.removeFirst();
            firstRetainedSequence++;
        }
    }

    private void flushToSessions() {
        long from = unsentFrom;
        if (from > lastSequence) {
            return;
        }
        List<Buffer> fresh = replayFrom(from);
        unsentFrom = lastSequence + 1;
        for (SimSession session : sessions) {
            session.send(from, fresh);
        }
        int duplicates = faults.takeDuplicates();
        if (duplicates > 0) {
            long duplicateFrom = Math.max(firstRetainedSequence, lastSequence - duplicates + 1);
            for (SimSession session : sessions) {
                session.send(duplicateFrom, replayFrom(duplicateFrom));
            }
        }
    }

    /** Lose the next generated batch: sessions see a gap (the messages stay in the replay window). */
    public synchronized void skipNextBatch() {
        faults.skipNext();
    }

    /** Send heartbeats to every session, unless silenced. */
    public void heartbeat() {
        if (faults.silent()) {
            return;
        }
        sessions.forEach(SimSession::heartbeat);
    }

    /** Drop every session, as a network failure would. */
    public void disconnectAll(String reason) {
        sessions.forEach(session -> session.drop(reason));
    }

    /** End the session for every client; a new session id starts numbering afresh. */
    public synchronized void endSession() {
        sessions.forEach(SimSession::endOfSession);
    }

    /** Restart with a new session id and empty history (state lost). */
    public synchronized void restartSession() {
        sessionId++;
        history.clear();
        lastSequence = 0;
        unsentFrom = 1;
        firstRetainedSequence = 1;
        disconnectAll("venue restarted");
    }

    /** Generate {@code messagesPerSecond} in 10 ms steps and heartbeat every {@code heartbeatMillis}. */
    public Runnable run(Vertx vertx, long messagesPerSecond, long heartbeatMillis) {
        long perStep = Math.max(1, messagesPerSecond / 100);
        long generator = vertx.setPeriodic(10, id -> generate((int) perStep));
        long heartbeats = vertx.setPeriodic(heartbeatMillis, id -> heartbeat());
        return () -> {
            vertx.cancelTimer(generator);
            vertx.cancelTimer(heartbeats);
        };
    }
}
