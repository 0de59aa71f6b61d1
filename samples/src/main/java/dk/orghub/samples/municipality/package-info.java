/**
 * A deterministic generator of a synthetic Danish municipality
 * ({@link dk.orghub.samples.municipality.MunicipalityGenerator}), the generated
 * {@link dk.orghub.samples.municipality.Municipality} and a snapshot source that delivers
 * it ({@link dk.orghub.samples.municipality.SampleMunicipalitySource}). All names, CPR
 * numbers and contact details are fictitious.
 */
package dk.orghub.samples.municipality;
