package tickbus.sim.fixml;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import tickbus.feed.http.FixmlLongPoll;

/**
 * Writes the server's answers, committing the next body fault when one is due: half a body and silence, half a
 * body and a TCP reset (the server sets SO_LINGER 0), a body that never ends, or other bytes in place of the
 * document. Used on the server's context.
 */
final class FaultyAnswers {

    private static final String CONTENT_TYPE = FixmlLongPoll.CONTENT_TYPE_XML + "; charset=UTF-8";
    private static final int DOCUMENT_TAIL_BYTES = "</Batch>\n</FIXML>\n".length();

    private final Vertx vertx;
    private final FixmlSimFaults faults;
    private final BatchRenderer renderer;
    private final Set<Long> trickles = new HashSet<>();

    FaultyAnswers(Vertx vertx, FixmlSimFaults faults, BatchRenderer renderer) {
        this.vertx = vertx;
        this.faults = faults;
        this.renderer = renderer;
    }

    void status(HttpServerRequest request, SimFault fault) {
        HttpServerResponse response = request.response().setStatusCode(fault.status());
        if (fault.retryAfter() != null) {
            response.putHeader(FixmlLongPoll.HEADER_RETRY_AFTER, fault.retryAfter());
        }
        response.end("simulated fault: " + fault.kind());
    }

    void notHeld(HttpServerRequest request, UpdateLog log, long cursor) {
        request.response().setStatusCode(410).putHeader(FixmlLongPoll.HEADER_LOG, log.id())
                .putHeader(FixmlLongPoll.HEADER_OLDEST, Long.toString(log.oldest()))
                .putHeader(FixmlLongPoll.HEADER_HEAD, Long.toString(log.head()))
                .end("cursor not held: cursor=" + cursor + ", oldest=" + log.oldest() + ", head=" + log.head());
    }

    void answer(HttpServerRequest request, UpdateLog log, UpdateLog.Selection selection) {
        HttpServerResponse response = request.response();
        if (response.closed()) {
            return;
        }
        response.putHeader(FixmlLongPoll.HEADER_LOG, log.id())
                .putHeader(FixmlLongPoll.HEADER_CURSOR, Long.toString(selection.cursor()))
                .putHeader(FixmlLongPoll.HEADER_NEXT, Long.toString(selection.next()));
        SimFault fault = faults.takeBodyFault(selection.carriesPositions());
        if (fault != null && fault.kind() == SimFault.Kind.REPLACE_BODY) {
            if (fault.contentType() != null) {
                response.putHeader("Content-Type", fault.contentType());
            }
            response.setChunked(true).end(Buffer.buffer(fault.body()));
            return;
        }
        byte[] document = renderer.render(selection);
        response.putHeader("Content-Type", CONTENT_TYPE);
        if (fault == null) {
            response.end(Buffer.buffer(document));
            return;
        }
        response.setChunked(true);
        Buffer half = Buffer.buffer(Arrays.copyOf(document, document.length / 2));
        switch (fault.kind()) {
            case STALL_MID_BODY -> response.write(half);
            case CONNECTION_RESET -> response.write(half).onComplete(v -> request.connection().close());
            case NEVER_ENDING_BODY -> trickle(response, Buffer.buffer(Arrays.copyOf(document,
                    Math.max(0, document.length - DOCUMENT_TAIL_BYTES))), fault);
            default -> throw new IllegalStateException("not a body fault: " + fault.kind());
        }
    }

    /** Cancels the never-ending bodies (a crash). */
    void stopAll() {
        trickles.forEach(vertx::cancelTimer);
        trickles.clear();
    }

    private void trickle(HttpServerResponse response, Buffer start, SimFault fault) {
        response.write(start);
        Buffer filler = Buffer.buffer(" ".repeat(Math.max(1, fault.chunkBytes())));
        long timer = vertx.setPeriodic(Math.max(1, fault.intervalMillis()), id -> {
            if (response.closed()) {
                vertx.cancelTimer(id);
                trickles.remove(id);
            } else if (!response.writeQueueFull()) {
                response.write(filler);
            }
        });
        trickles.add(timer);
        response.closeHandler(v -> {
            vertx.cancelTimer(timer);
            trickles.remove(timer);
        });
    }
}
