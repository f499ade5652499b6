package tickbus.demand;

/** Told when an instrument's cluster-wide demand goes from zero to some, or from some to zero. */
@FunctionalInterface
public interface DemandListener {

    void demandChanged(String instrument, boolean demanded);
}
