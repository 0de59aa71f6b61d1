/**
 * The directory source: Active Directory or a standard LDAP directory, read over LDAP or
 * LDAPS with Spring LDAP. The API is {@link dk.orghub.adapters.ad.AdAdapter} with its
 * {@link dk.orghub.adapters.ad.AdConfiguration} ({@code hub.sources.ad.*}), the
 * {@link dk.orghub.adapters.ad.PersonLookup} it matches CPR numbers with
 * ({@link dk.orghub.adapters.ad.StorePersonLookup} over the store) and the run's
 * {@link dk.orghub.adapters.ad.AdReport}; the rest is package-private.
 */
package dk.orghub.adapters.ad;
