package dk.orghub.adapters.ad;

import dk.orghub.core.spi.ChangeBatch;

/** An incremental read of the directory: the batch for the hub and the run's report. */
public record AdChanges(ChangeBatch batch, AdReport report) {

}
