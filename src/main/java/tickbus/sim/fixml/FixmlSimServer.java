package tickbus.sim.fixml;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import tickbus.feed.http.FixmlLongPoll;
import tickbus.protocol.fixml.IncrementalEntry;

/**
 * A FIXML long-poll server ({@link FixmlLongPoll}) for the demo and tests: a log of updates with a replay window,
 * polls held until updates arrive or {@code waitMillis} passes, snapshots on request, injectable faults, and
 * restarts that keep or lose the log. Its updates come from a {@link MarketGenerator}, or from a CME settlement
 * file served in poll-sized batches. Its HTTP handling runs on one context; the other methods are thread-safe.
 */
public final class FixmlSimServer {

    private static final int REBIND_ATTEMPTS = 40;
    private static final long REBIND_DELAY_MILLIS = 50;

    /** One poll as it arrived, for tests. */
    public record Poll(long cursor, String instruments, long waitMillis, long arrivalNanos) {
    }

    private static final int MAX_RECORDED_POLLS = 100_000;

    private final Vertx vertx;
    private final Context context;
    private final FixmlSimSettings settings;
    private final Object marketLock = new Object();
    private final MarketGenerator generator;
    private final SimMarket market;
    private final FixmlSimFaults faults = new FixmlSimFaults();
    private final HeldPolls held;
    private final FaultyAnswers answers;
    private final ArrayDeque<Poll> polls = new ArrayDeque<>();
    private final AtomicInteger openConnections = new AtomicInteger();
    private final AtomicLong requests = new AtomicLong();
    private volatile UpdateLog log;
    private HttpServer server;
    private int port;

    public FixmlSimServer(Vertx vertx, FixmlSimSettings settings, InstantSource clock) {
        this.vertx = vertx;
        this.context = vertx.getOrCreateContext();
        this.settings = settings;
        this.port = settings.port();
        if (settings.cmeFile() == null) {
            this.generator = new MarketGenerator(settings.symbols(), settings.priceScale(), settings.seed(), clock);
            this.market = generator;
            this.log = newGeneratedLog();
        } else {
            CmeSettlementMarket cme = CmeSettlementMarket.load(Path.of(settings.cmeFile()), settings.priceScale());
            this.generator = null;
            this.market = cme;
            this.log = new UpdateLog(newLogId(), Math.max(settings.windowSize(), cme.all().size()));
            log.appendAll(cme.all());
        }
        this.answers = new FaultyAnswers(vertx, faults, new BatchRenderer(settings.priceScale()));
        this.held = new HeldPolls(vertx, this::currentLog, settings.maxBatchEntries(), answers);
    }

    /**
     * Listens (again, on the same port after a {@link #stop()}); completes with the port. The closed listener may
     * release the port a moment after its close completed, so a bind refused is tried again for up to
     * {@value #REBIND_ATTEMPTS} × {@value #REBIND_DELAY_MILLIS} ms.
     */
    public Future<Integer> start() {
        Promise<Integer> started = Promise.promise();
        context.runOnContext(v -> listen(started, REBIND_ATTEMPTS));
        return started.future();
    }

    private void listen(Promise<Integer> started, int attemptsLeft) {
        HttpServer created = vertx.createHttpServer(new HttpServerOptions().setHost(settings.host()).setPort(port)
                .setSoLinger(0).setReuseAddress(true));
        created.connectionHandler(connection -> {
            openConnections.incrementAndGet();
            connection.closeHandler(x -> openConnections.decrementAndGet());
        });
        created.requestHandler(this::handle).listen().onSuccess(listening -> {
            server = listening;
            port = listening.actualPort();
            started.complete(port);
        }).onFailure(e -> {
            if (e instanceof java.net.BindException && port != 0 && attemptsLeft > 1) {
                vertx.setTimer(REBIND_DELAY_MILLIS, id -> listen(started, attemptsLeft - 1));
            } else {
                started.fail(e);
            }
        });
    }

    /** Stops listening and drops every connection, as a crash would; {@link #start()} listens again. */
    public Future<Void> stop() {
        Promise<Void> stopped = Promise.promise();
        context.runOnContext(v -> {
            held.dropAll();
            answers.stopAll();
            HttpServer closing = server;
            server = null;
            (closing == null ? Future.<Void>succeededFuture() : closing.close()).onComplete(stopped);
        });
        return stopped.future();
    }

    /** Starts a new log with a new id, beginning with a snapshot of every instrument: a restart without state. */
    public void loseState() {
        synchronized (marketLock) {
            log = newGeneratedLog();
        }
    }

    /** A log of generated updates begins with the state they change, so a client reading it from 1 has it all. */
    private UpdateLog newGeneratedLog() {
        UpdateLog created = new UpdateLog(newLogId(), settings.windowSize());
        created.appendAll(generator.snapshots(null));
        return created;
    }

    /** Generates {@code count} updates into the log; returns the last position. */
    public long generate(int count) {
        if (generator == null) {
            throw new IllegalStateException("a server of a CME file generates no updates");
        }
        long last;
        synchronized (marketLock) {
            last = log.head();
            for (int i = 0; i < count; i++) {
                last = log.append(LogEntry.of(generator.next()));
            }
        }
        held.wakeSoon(context);
        return last;
    }

    public FixmlSimFaults faults() {
        return faults;
    }

    public int port() {
        return port;
    }

    public String logId() {
        return log.id();
    }

    /** The newest position in the log. */
    public long head() {
        return log.head();
    }

    /** The update at {@code position} if it is an incremental one (tests compare what a feed published with it). */
    public IncrementalEntry incrementAt(long position) {
        return log.entryAt(position).increment();
    }

    /** The symbol of the update at {@code position}. */
    public String symbolAt(long position) {
        return log.entryAt(position).symbol();
    }

    public int openConnections() {
        return openConnections.get();
    }

    public long requests() {
        return requests.get();
    }

    /** Every poll that arrived (the latest 100,000), oldest first. */
    public synchronized List<Poll> polls() {
        return List.copyOf(polls);
    }

    private UpdateLog currentLog() {
        return log;
    }

    private void handle(HttpServerRequest request) {
        requests.incrementAndGet();
        String path = request.path();
        if (path.equals(FixmlLongPoll.PATH_UPDATES) && request.method() == HttpMethod.GET) {
            updates(request);
        } else if (path.equals(FixmlLongPoll.PATH_SNAPSHOT) && request.method() == HttpMethod.POST) {
            snapshot(request);
        } else {
            request.response().setStatusCode(404).end("no such resource: method=" + request.method() + ", path="
                    + path);
        }
    }

    private void updates(HttpServerRequest request) {
        long cursor = position(request.getParam(FixmlLongPoll.PARAM_CURSOR));
        String waitText = request.getParam(FixmlLongPoll.PARAM_WAIT_MILLIS, "0");
        long waitMillis = position(waitText);
        String instruments = request.getParam(FixmlLongPoll.PARAM_INSTRUMENTS);
        record(new Poll(cursor, instruments, waitMillis, System.nanoTime()));
        SimFault fault = faults.takeStatusFault();
        if (fault != null) {
            answers.status(request, fault);
            return;
        }
        if (cursor < 0 || waitMillis < 0) {
            request.response().setStatusCode(400).end("bad poll: cursor=" + request.getParam(FixmlLongPoll.PARAM_CURSOR)
                    + ", waitMillis=" + waitText + "; expected non-negative integers");
            return;
        }
        UpdateLog current = log;
        if (!current.holds(cursor)) {
            request.response().setStatusCode(410).putHeader(FixmlLongPoll.HEADER_LOG, current.id())
                    .putHeader(FixmlLongPoll.HEADER_OLDEST, Long.toString(current.oldest()))
                    .putHeader(FixmlLongPoll.HEADER_HEAD, Long.toString(current.head()))
                    .end("cursor not held: cursor=" + cursor + ", oldest=" + current.oldest() + ", head="
                            + current.head());
            return;
        }
        held.answerOrHold(request, cursor, filter(instruments), Math.min(waitMillis, settings.maxWaitMillis()));
    }

    private void snapshot(HttpServerRequest request) {
        Set<String> filter = filter(request.getParam(FixmlLongPoll.PARAM_INSTRUMENTS));
        UpdateLog current;
        long before;
        synchronized (marketLock) {
            current = log;
            before = current.appendAll(market.snapshots(filter));
        }
        request.response().putHeader(FixmlLongPoll.HEADER_LOG, current.id())
                .putHeader(FixmlLongPoll.HEADER_CURSOR, Long.toString(before))
                .putHeader(FixmlLongPoll.HEADER_NEXT, Long.toString(current.head())).end();
        held.wakeSoon(context);
    }

    private synchronized void record(Poll poll) {
        if (polls.size() == MAX_RECORDED_POLLS) {
            polls.removeFirst();
        }
        polls.addLast(poll);
    }

    /** null: every instrument; an empty parameter: none. */
    private static Set<String> filter(String instruments) {
        if (instruments == null) {
            return null;
        }
        return instruments.isEmpty() ? Set.of()
                : new HashSet<>(Arrays.asList(instruments.split(String.valueOf(FixmlLongPoll.INSTRUMENT_SEPARATOR))));
    }

    private static long position(String text) {
        if (text == null || text.isEmpty() || text.length() > 18 || !text.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        return Long.parseLong(text);
    }

    private static String newLogId() {
        return UUID.randomUUID().toString();
    }
}
