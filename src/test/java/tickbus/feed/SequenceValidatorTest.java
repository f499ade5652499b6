package tickbus.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import tickbus.feed.SequenceValidator.Verdict;

class SequenceValidatorTest {

    @Test
    void inOrderDuplicateAndGap() {
        SequenceValidator validator = new SequenceValidator(0);
        assertEquals(Verdict.ACCEPT, validator.check(41));
        assertEquals(Verdict.ACCEPT, validator.check(42));
        assertEquals(Verdict.DUPLICATE, validator.check(42));
        assertEquals(Verdict.DUPLICATE, validator.check(1));
        assertEquals(Verdict.GAP, validator.check(45));
        assertEquals(43, validator.expected());
        validator.skipTo(45);
        assertEquals(Verdict.ACCEPT, validator.check(46));
        validator.reset(1);
        assertEquals(Verdict.ACCEPT, validator.check(1));
    }

    @Test
    void startingAtZeroExpectsZeroInsteadOfAcceptingAnything() {
        SequenceValidator validator = SequenceValidator.startingAt(0);
        assertEquals(0, validator.expected());
        assertEquals(Verdict.GAP, validator.check(2));
        validator.skipTo(2);
        assertEquals(Verdict.ACCEPT, validator.check(3));
        assertEquals(Verdict.ACCEPT, SequenceValidator.startingAt(0).check(0));
    }
}
