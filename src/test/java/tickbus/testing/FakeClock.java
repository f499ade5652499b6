package tickbus.testing;

import java.time.Instant;
import java.time.InstantSource;

/** A clock that moves only when the test says so. */
public final class FakeClock implements InstantSource {

    private long millis;

    public FakeClock(long startMillis) {
        this.millis = startMillis;
    }

    public void advanceMillis(long deltaMillis) {
        if (deltaMillis < 0) {
            throw new IllegalArgumentException("time only moves forward: deltaMillis=" + deltaMillis);
        }
        millis += deltaMillis;
    }

    @Override
    public long millis() {
        return millis;
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis);
    }
}
