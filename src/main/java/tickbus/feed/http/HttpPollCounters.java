package tickbus.feed.http;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the HTTP transport of one feed did and suffered: polls, heartbeats, snapshot requests, TCP connections
 * (opened, and open now: the pool's size), and failures by kind. Thread-safe; read by monitoring and tests.
 */
public final class HttpPollCounters {

    private final LongAdder polls = new LongAdder();
    private final LongAdder documents = new LongAdder();
    private final LongAdder heartbeats = new LongAdder();
    private final LongAdder snapshotRequests = new LongAdder();
    private final LongAdder connectionsOpened = new LongAdder();
    private final AtomicInteger connectionsOpen = new AtomicInteger();
    private final AtomicInteger requestsInFlight = new AtomicInteger();
    private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();

    void pollSent() {
        polls.increment();
    }

    void documentReceived() {
        documents.increment();
    }

    void heartbeatReceived() {
        heartbeats.increment();
    }

    void snapshotRequested() {
        snapshotRequests.increment();
    }

    void connectionOpened() {
        connectionsOpened.increment();
        connectionsOpen.incrementAndGet();
    }

    void connectionClosed() {
        connectionsOpen.decrementAndGet();
    }

    void requestStarted() {
        requestsInFlight.incrementAndGet();
    }

    void requestEnded() {
        requestsInFlight.decrementAndGet();
    }

    void failure(String kind) {
        failures.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }

    public long polls() {
        return polls.sum();
    }

    /** Responses that carried positions (frames handed to the engine). */
    public long documents() {
        return documents.sum();
    }

    /** Responses that carried none: the long-poll heartbeat. */
    public long heartbeats() {
        return heartbeats.sum();
    }

    public long snapshotRequests() {
        return snapshotRequests.sum();
    }

    public long connectionsOpened() {
        return connectionsOpened.sum();
    }

    /** TCP connections open now, pooled idle ones included. */
    public int connectionsOpen() {
        return connectionsOpen.get();
    }

    /** HTTP requests sent and not yet answered, failed or cancelled. */
    public int requestsInFlight() {
        return requestsInFlight.get();
    }

    public long failures(String kind) {
        LongAdder count = failures.get(kind);
        return count == null ? 0 : count.sum();
    }

    /** Failures by kind, e.g. {@code idle-timeout}, {@code status-500}, {@code cursor-not-held}. */
    public Map<String, Long> failures() {
        Map<String, Long> copy = new TreeMap<>();
        failures.forEach((kind, count) -> copy.put(kind, count.sum()));
        return copy;
    }
}
