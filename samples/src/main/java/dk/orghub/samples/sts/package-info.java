/**
 * A local STS Organisation ("Organisation 6") service built from the hub's own WSDLs: it
 * validates requests, stores objects with their registrations, answers with KOMBIT's
 * status codes, and can add latency and fail a share of calls. Used by the STS
 * Organisation adapter's tests and benchmark, and by the demo.
 */
package dk.orghub.samples.sts;
