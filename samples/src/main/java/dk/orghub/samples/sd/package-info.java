/**
 * SD-Løn for the sample municipality: {@link dk.orghub.samples.sd.SdSampleResponses}
 * renders the XML SD's web services answer for a generated municipality, and
 * {@link dk.orghub.samples.sd.SdStub} serves it over HTTP with Basic auth on a free
 * loopback port, with a change feed (GetEmploymentChangedAtDate, GetPersonChangedAtDate)
 * fed by {@link dk.orghub.samples.sd.SdStub#update}.
 */
package dk.orghub.samples.sd;
