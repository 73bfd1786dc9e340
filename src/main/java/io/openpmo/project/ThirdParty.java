package io.openpmo.project;

/** Third-party involvement (DORA, EBA outsourcing guidelines). */
public enum ThirdParty {
  NONE, ICT_SERVICE, CRITICAL_OUTSOURCING
}
