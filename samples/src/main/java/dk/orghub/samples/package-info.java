/**
 * The fake estate: synthetic organisation data for tests, demos and benchmarks.
 */
package dk.orghub.samples;
