package io.openpmo.project;

/** Risk tier from the projectRisk decision. */
public enum RiskTier {
  LOW, MEDIUM, HIGH, CRITICAL
}
