package tickbus.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class PeekRequestTest {

    @Test
    void peekAndSearchAreParsed() {
        assertEquals(new PeekRequest(PeekRequest.Op.PEEK, "XNAS:AAPL"),
                PeekRequest.parse(new JsonObject().put("op", "peek").put("instrument", "XNAS:AAPL")));
        assertEquals(new PeekRequest(PeekRequest.Op.SEARCH, "XNAS:A"),
                PeekRequest.parse(new JsonObject().put("op", "search").put("prefix", "xnas:a")));
    }

    @Test
    void anythingElseIsRefusedWithTheFieldAndValueNamed() {
        assertEquals("peek request body must be a JSON object: body=drop table",
                assertThrows(IllegalArgumentException.class, () -> PeekRequest.parse("drop table")).getMessage());
        assertEquals("unknown peek op: op=subscribe, expected=peek|search", assertThrows(IllegalArgumentException.class,
                () -> PeekRequest.parse(new JsonObject().put("op", "subscribe"))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> PeekRequest.parse(new JsonObject().put("op", "peek")
                .put("instrument", "XNAS:AAPL").put("address", "orders.secret")));
        for (String instrument : new String[] {"AAPL", "xnas:AAPL", "XNAS:", "XNAS:AA PL", "XNAS:" + "A".repeat(48),
                "XNAS:AAPL\n"}) {
            String message = assertThrows(IllegalArgumentException.class, () -> PeekRequest.parse(
                    new JsonObject().put("op", "peek").put("instrument", instrument))).getMessage();
            assertEquals(true, message.startsWith("invalid instrument: instrument="), message);
        }
        assertThrows(IllegalArgumentException.class, () -> PeekRequest.parse(new JsonObject().put("op", "search")
                .put("prefix", "<script>")));
    }
}
