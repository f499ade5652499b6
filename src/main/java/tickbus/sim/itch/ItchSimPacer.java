package tickbus.sim.itch;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Calls the simulator's pacing step on its context every tick. A tick of a millisecond or more is a Vert.x periodic
 * timer; a shorter one needs a thread of its own that sleeps until each deadline, since the event loop's timers
 * wake at millisecond granularity. That thread only wakes the context (one step queued at a time); the step itself
 * sends whatever the schedule says is due by then, so a late wake-up delays messages but never loses or bunches the
 * schedule.
 */
final class ItchSimPacer {

    private static final long TIMER_TICK_MICROS = 1_000;

    private final Vertx vertx;
    private final Context context;
    private final long tickMicros;
    private final AtomicBoolean stepQueued = new AtomicBoolean();
    private long timer = -1;
    private volatile Thread thread;

    ItchSimPacer(Vertx vertx, Context context, long tickMicros) {
        this.vertx = vertx;
        this.context = context;
        this.tickMicros = tickMicros;
    }

    /** Start calling {@code step} on the context every tick; stops any earlier schedule first. */
    void start(Runnable step) {
        stop();
        if (tickMicros >= TIMER_TICK_MICROS) {
            timer = vertx.setPeriodic(tickMicros / TIMER_TICK_MICROS, id -> step.run());
            return;
        }
        Thread pacer = new Thread(() -> run(step), "itch-sim-pacer");
        pacer.setDaemon(true);
        thread = pacer;
        pacer.start();
    }

    void stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
            timer = -1;
        }
        Thread pacer = thread;
        thread = null;
        if (pacer != null) {
            LockSupport.unpark(pacer);
        }
    }

    private void run(Runnable step) {
        long tickNanos = tickMicros * 1_000;
        long deadline = System.nanoTime();
        while (thread == Thread.currentThread()) {
            deadline += tickNanos;
            long wait = deadline - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            } else {
                // Behind (the sleep overshot): carry on from now rather than firing a burst of ticks.
                deadline = System.nanoTime();
            }
            if (thread == Thread.currentThread() && stepQueued.compareAndSet(false, true)) {
                context.runOnContext(v -> {
                    stepQueued.set(false);
                    if (thread != null) {
                        step.run();
                    }
                });
            }
        }
    }
}
