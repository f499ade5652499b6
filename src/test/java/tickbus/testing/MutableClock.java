package tickbus.testing;

import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;

/** A clock tests move by hand. */
public final class MutableClock implements InstantSource {

    private final AtomicLong nanos;

    public MutableClock(long startMillis) {
        this.nanos = new AtomicLong(startMillis * 1_000_000L);
    }

    public void advanceMillis(long millis) {
        nanos.addAndGet(millis * 1_000_000L);
    }

    @Override
    public Instant instant() {
        long now = nanos.get();
        return Instant.ofEpochSecond(Math.floorDiv(now, 1_000_000_000L), Math.floorMod(now, 1_000_000_000L));
    }

    @Override
    public long millis() {
        return nanos.get() / 1_000_000L;
    }
}
