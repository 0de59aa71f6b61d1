/**
 * KMD OPUS dump files for the sample municipality:
 * {@link dk.orghub.samples.opus.OpusSampleDumps} turns a generated municipality into a
 * first dump, {@link dk.orghub.samples.opus.OpusScenario} derives later dumps with hires,
 * leavers, moves, renames, a new unit and a closed unit, and
 * {@link dk.orghub.samples.opus.OpusDumpWriter} writes them as XML, streaming.
 */
package dk.orghub.samples.opus;
