-- Defence in depth: one version of a file in force at a time (two approvals racing for the same file: one wins,
-- the other is a 409).
CREATE UNIQUE INDEX uq_model_version_in_force ON model_version (file_name) WHERE in_force_until IS NULL;
