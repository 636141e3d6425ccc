package it.sportello.citizen;

/** The national digital identity the citizen logged in with. */
public enum IdentityScheme {
  SPID,
  CIE
}
