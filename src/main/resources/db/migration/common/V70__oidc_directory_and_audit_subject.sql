-- OpenID Connect (oidc profile): people and integrations are known from the tokens the identity provider
-- issues. No password is kept. The directory below is what the engine's read-only identity service answers
-- (who is in which group, e-mail addresses for notifications); it is rewritten from each sign-in or token.
CREATE TABLE oidc_user (
    user_id    VARCHAR(255) NOT NULL,
    subject    VARCHAR(255) NOT NULL,
    issuer     VARCHAR(500) NOT NULL,
    first_name VARCHAR(255),
    last_name  VARCHAR(255),
    email      VARCHAR(255),
    changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_oidc_user PRIMARY KEY (user_id)
);

-- Membership as mapped from the provider's groups claim at the user's last sign-in or token (ours, not the provider's names).
CREATE TABLE oidc_user_group (
    user_id  VARCHAR(255) NOT NULL,
    group_id VARCHAR(64)  NOT NULL,
    CONSTRAINT pk_oidc_user_group PRIMARY KEY (user_id, group_id),
    CONSTRAINT fk_oidc_user_group_user FOREIGN KEY (user_id) REFERENCES oidc_user (user_id) ON DELETE CASCADE
);

CREATE INDEX ix_oidc_user_group_group ON oidc_user_group (group_id);

-- Who acted, as the identity provider vouched for it: the stable subject ("sub") and the issuer ("iss").
-- Empty for events of the engine itself and of HTTP Basic (demo) users. Part of the Merkle leaf (format /2).
ALTER TABLE audit_event ADD COLUMN actor_subject VARCHAR(255);
ALTER TABLE audit_event ADD COLUMN actor_issuer VARCHAR(500);
