package tickbus.normalize.fixml;

/**
 * What a normalizer did not turn into events, by kind.
 *
 * @param unwantedEvents events not produced because nobody wants the instrument (books are still maintained)
 * @param ignoredEntries entry types with no event mapping (volume, open interest, snapshot trades, ...)
 * @param unsupportedActions actions with no faithful event (trade change, settlement delete)
 * @param unknownLevelDeletes deletes of a price level the book did not have (also one beyond its bounded depth)
 * @param unknownLevelChanges changes of a price level the book did not have (applied as new)
 * @param droppedLevels new levels dropped because a book side was full and they were worse than all its levels
 * @param evictedLevels worst levels of a full book side dropped to make room for a better new level
 * @param droppedInstruments entries dropped because the instrument limit was reached
 * @param emptySnapshotLevels bid/offer entries of size 0 in a {@code MktDataFull}, skipped: no level
 * @param instrumentIdConflicts entries refused because another symbol and maturity has their instrument's id
 */
public record NormalizerCounters(long unwantedEvents, long ignoredEntries, long unsupportedActions,
        long unknownLevelDeletes, long unknownLevelChanges, long droppedLevels, long evictedLevels,
        long droppedInstruments, long emptySnapshotLevels, long instrumentIdConflicts) {
}
