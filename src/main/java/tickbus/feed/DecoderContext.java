package tickbus.feed;

import java.time.InstantSource;
import java.util.Collection;
import tickbus.event.EventSink;

/** What the engine gives a decoder on a parser worker. */
public interface DecoderContext {

    FeedSettings settings();

    InstantSource clock();

    /** Publishes events of instruments somebody wants; drops the rest (books are still maintained). */
    EventSink sink();

    /** Whether somebody wants events of this instrument; cheap, call it per message. */
    boolean wanted(String instrument);

    /**
     * Validate a payload sequence number of {@code stream} (e.g. a publisher's own numbering). Duplicates
     * must be dropped by the caller; a gap is published as a {@code GAP} status to each of {@code instruments}, the
     * instruments the stream carries (the lost messages could have been about any of them).
     */
    SequenceValidator.Verdict sequence(String stream, long sequence, Collection<String> instruments);

    /**
     * The numbering of payload {@code stream} started again (its publisher restarted): from now on
     * {@link #sequence} expects {@code firstSequence}, so a first arrival above it is a gap. The default suits
     * contexts that validate no payload sequences (their {@link #sequence} accepts everything).
     */
    default void sequenceRestarted(String stream, long firstSequence) {
    }

    /**
     * Payload {@code stream} is no longer heard (its channel unsubscribed): what it carries next is numbered from
     * wherever its publisher is then, and {@link #sequence} takes it as a new stream's first number, not as a gap.
     */
    default void sequenceForgotten(String stream) {
    }

    /**
     * Count {@code count} updates of {@code kind} that a book could not take as sent, though the frame itself was
     * good and used (a change to a level the book did not have, a new level dropped from a full side): exported
     * with the feed's metrics, so an operator sees a book drifting from the venue's before a strategy does. The
     * default suits contexts that export no metrics.
     */
    default void bookAnomalies(String kind, long count) {
    }

    /** The worker's index among the feed's workers. */
    int shard();
}
