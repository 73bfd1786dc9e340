package io.openpmo.audit;

import io.openpmo.audit.verify.AuditKeys;
import io.openpmo.audit.verify.Checkpoint;
import io.openpmo.audit.verify.Merkle;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signs checkpoints with Ed25519 (the JDK's own provider). The key comes from {@code openpmo.audit.signing-key}
 * and {@code openpmo.audit.public-key}; its public half is registered in {@code audit_signing_key} so that
 * exports carry every key that ever signed. Without configuration the first node to need a key generates one
 * and keeps it, private half included, in the database, so restarts and other nodes sign with the same key:
 * fine for a demo, not for production (whoever can write the database could then sign).
 */
@Component
class AuditSigner {

  private static final Logger log = LoggerFactory.getLogger(AuditSigner.class);

  private final AuditMapper mapper;
  private final AuditSettings settings;
  private final Clock clock;
  private final TransactionTemplate ownTransaction;
  private final KeyPair configured;
  private volatile Signing signing;

  AuditSigner(AuditMapper mapper, AuditSettings settings, Clock clock, PlatformTransactionManager transactions) {
    this.mapper = mapper;
    this.settings = settings;
    this.clock = clock;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.configured = settings.signingKey() == null ? null : configuredPair(settings);
  }

  private static KeyPair configuredPair(AuditSettings settings) {
    PrivateKey privateKey;
    PublicKey publicKey;
    try {
      privateKey = AuditKeys.privateKey(settings.signingKey());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("openpmo.audit.signing-key: " + e.getMessage(), e);
    }
    try {
      publicKey = AuditKeys.publicKey(settings.publicKey());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("openpmo.audit.public-key: " + e.getMessage(), e);
    }
    if (!AuditKeys.matches(privateKey, publicKey)) {
      throw new IllegalArgumentException("openpmo.audit.public-key is not the public half of openpmo.audit.signing-key");
    }
    return new KeyPair(publicKey, privateKey);
  }

  /** Signs the tree head of {@code treeSize} leaves with root {@code root} as of {@code at}. */
  Checkpoint sign(long treeSize, byte[] root, Instant at) {
    Signing key = signing();
    String timestamp = at.toString();
    String text = Checkpoint.signedText(settings.origin(), treeSize, Merkle.hex(root), timestamp, key.keyId());
    String signature = Base64.getEncoder().encodeToString(
        AuditKeys.sign(key.privateKey(), text.getBytes(StandardCharsets.UTF_8)));
    return new Checkpoint(settings.origin(), treeSize, Merkle.hex(root), timestamp, key.keyId(), signature);
  }

  /** The key that signs from now on, registered (and generated if need be) in a transaction of its own. */
  Signing signing() {
    Signing current = signing;
    if (current == null) {
      synchronized (this) {
        current = signing;
        if (current == null) {
          current = configured != null ? register(configured) : generatedKey();
          signing = current;
        }
      }
    }
    return current;
  }

  /** Every key that ever signed a checkpoint here, by id; a stored key that is not one (or not under its id) is left out. */
  Map<String, PublicKey> publicKeys() {
    Map<String, PublicKey> keys = new LinkedHashMap<>();
    for (AuditMapper.SigningKey stored : mapper.findKeys()) {
      try {
        PublicKey key = AuditKeys.publicKey(stored.publicKey());
        if (AuditKeys.keyId(key).equals(stored.keyId())) {
          keys.put(stored.keyId(), key);
        }
      } catch (IllegalArgumentException e) {
        log.warn("audit_signing_key {} does not hold an Ed25519 public key", stored.keyId());
      }
    }
    return keys;
  }

  private Signing register(KeyPair pair) {
    String keyId = AuditKeys.keyId(pair.getPublic());
    if (ownTransaction.execute(status -> mapper.findKey(keyId)) == null) {
      try {
        ownTransaction.executeWithoutResult(status -> mapper.insertKey(new AuditMapper.SigningKey(keyId,
            AuditKeys.ALGORITHM, AuditKeys.encode(pair.getPublic()), null, null, now())));
      } catch (DuplicateKeyException e) {
        // another node registered it first
      }
    }
    log.info("Audit checkpoints are signed with the configured key {}", keyId);
    return new Signing(keyId, pair.getPrivate());
  }

  private Signing generatedKey() {
    AuditMapper.SigningKey stored = ownTransaction.execute(status -> mapper.findGeneratedKey());
    if (stored == null) {
      KeyPair pair = AuditKeys.generate();
      String keyId = AuditKeys.keyId(pair.getPublic());
      try {
        ownTransaction.executeWithoutResult(status -> mapper.insertKey(new AuditMapper.SigningKey(keyId,
            AuditKeys.ALGORITHM, AuditKeys.encode(pair.getPublic()), AuditKeys.encode(pair.getPrivate()), 1, now())));
      } catch (DuplicateKeyException e) {
        // another node generated one at the same moment: use that one
      }
      stored = ownTransaction.execute(status -> mapper.findGeneratedKey());
    }
    log.warn("Audit checkpoints are signed with key {}, generated by the application and kept in its database."
        + " Production must configure its own key (openpmo.audit.signing-key and openpmo.audit.public-key).",
        stored.keyId());
    return new Signing(stored.keyId(), AuditKeys.privateKey(stored.privateKey()));
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
  }

  record Signing(String keyId, PrivateKey privateKey) {
  }
}
