/**
 * A fake directory for the sample municipality: AD-like accounts generated from a
 * {@link dk.orghub.samples.municipality.Municipality} ({@link SampleAccounts}), written
 * as LDIF in the shape of Active Directory or of a standard inetOrgPerson directory
 * ({@link SampleLdif}), and served by an in-process UnboundID LDAP server on a free
 * loopback port ({@link SampleLdapServer}). Names, CPR numbers and addresses are
 * fictitious.
 */
package dk.orghub.samples.ldap;
