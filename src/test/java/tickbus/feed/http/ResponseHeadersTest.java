package tickbus.feed.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

/** What the event loop reads of a response without parsing its body: the transport headers and the media type. */
class ResponseHeadersTest {

    @Test
    void theRangeComesFromTheTransportHeaders() {
        assertEquals(new ResponseRange("log-7", 10, 25), ResponseRange.read(response("log-7", "10", "25")));
        assertFalse(ResponseRange.read(response("log-7", "10", "10")).carriesPositions(), "the heartbeat");
    }

    @Test
    void malformedHeadersGiveNoRangeAndSayWhy() {
        assertNull(ResponseRange.read(response(null, "10", "25")));
        assertNull(ResponseRange.read(response("log 7", "10", "25")), "a log id with a space");
        assertNull(ResponseRange.read(response("log-7", "-1", "25")));
        assertNull(ResponseRange.read(response("log-7", "10", "9")), "next before cursor");
        assertNull(ResponseRange.read(response("log-7", "10", "1234567890123456789")), "more than 18 digits");
        assertEquals("bad transport headers: Tickbus-Log=absent, Tickbus-Cursor=\"10\", Tickbus-Next=\"25\"; expected a "
                + "log id of 1 to 128 visible ASCII chars and 0 <= cursor <= next",
                ResponseRange.problem(response(null, "10", "25")));
    }

    @Test
    void theMediaTypeMustBeXmlAndItsCharsetGoesToTheDecoder() {
        ContentType type = ContentType.parse("Application/XML; charset=\"UTF-16\"; q=1");
        assertEquals(new ContentType("application/xml", "UTF-16"), type);
        assertTrue(type.isXml());
        assertTrue(ContentType.parse("application/fixml+xml").isXml());
        assertTrue(ContentType.parse("text/xml;charset=utf-8").isXml());
        assertFalse(ContentType.parse("text/html; charset=UTF-8").isXml());
        assertFalse(ContentType.parse(null).isXml());
        assertNull(ContentType.parse("application/xml").charset());
    }

    private static HttpExchange.Response response(String log, String cursor, String next) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        if (log != null) {
            headers.add(FixmlLongPoll.HEADER_LOG, log);
        }
        headers.add(FixmlLongPoll.HEADER_CURSOR, cursor).add(FixmlLongPoll.HEADER_NEXT, next);
        return new HttpExchange.Response(200, headers, Buffer.buffer());
    }
}
