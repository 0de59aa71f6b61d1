package dk.orghub.adapters.ad;

import dk.orghub.core.spi.Snapshot;

/** A full read of the directory: the snapshot for the hub and the run's report. */
public record AdRun(Snapshot snapshot, AdReport report) {

}
