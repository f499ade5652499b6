package tickbus.strategy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tickbus.event.EventKind;

class LastSequencesTest {

    private final LastSequences last = new LastSequences();

    @Test
    void aSequenceMustPassTheLastOfItsKindAndSource() {
        assertTrue(last.advance(EventKind.QUOTE, "feed-a", 5));
        assertFalse(last.advance(EventKind.QUOTE, "feed-a", 5), "repeated");
        assertFalse(last.advance(EventKind.QUOTE, "feed-a", 4), "older");
        assertTrue(last.advance(EventKind.QUOTE, "feed-a", 6));
        assertTrue(last.advance(EventKind.TRADE, "feed-a", 1), "kinds are numbered apart");
        assertTrue(last.advance(EventKind.QUOTE, "feed-b", 1), "sources are numbered apart");
        assertFalse(last.advance(EventKind.QUOTE, "feed-a", 6), "feed-a remembered across the switch to feed-b");
        assertTrue(last.advance(EventKind.QUOTE, "feed-a", 7));
    }

    @Test
    void equalSourcesThatAreDifferentStringsAreOneSource() {
        String decodedOnce = new String("feed-a".toCharArray());
        String decodedAgain = new String("feed-a".toCharArray());
        assertTrue(last.advance(EventKind.QUOTE, decodedOnce, 10));
        assertTrue(last.advance(EventKind.QUOTE, "feed-b", 1));
        assertFalse(last.advance(EventKind.QUOTE, decodedAgain, 10));
    }

    @Test
    void clearForgetsEverySource() {
        assertTrue(last.advance(EventKind.QUOTE, "feed-a", 10));
        last.clear();
        assertTrue(last.advance(EventKind.QUOTE, "feed-a", 1));
        assertFalse(last.advance(EventKind.QUOTE, "feed-a", 1));
    }
}
