package io.openpmo.audit.verify;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * Ed25519 keys of the audit checkpoints, with the JDK's own provider: private keys as base64 PKCS#8,
 * public keys as base64 X.509 (SubjectPublicKeyInfo), both as {@code openssl ... -outform DER | base64}
 * writes them. A key id is the first 8 bytes (16 hex digits) of the SHA-256 of the public key's X.509
 * encoding.
 *
 * <p>{@code java -cp target/classes io.openpmo.audit.verify.AuditKeys} prints a new key pair.
 */
public final class AuditKeys {

  public static final String ALGORITHM = "Ed25519";

  private AuditKeys() {
  }

  public static KeyPair generate() {
    try {
      return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 is not available in this JDK", e);
    }
  }

  public static PublicKey publicKey(String base64X509) {
    try {
      return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(decode(base64X509)));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("not a base64 X.509 Ed25519 public key", e);
    }
  }

  public static PrivateKey privateKey(String base64Pkcs8) {
    try {
      return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(decode(base64Pkcs8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("not a base64 PKCS#8 Ed25519 private key", e);
    }
  }

  public static String encode(Key key) {
    return Base64.getEncoder().encodeToString(key.getEncoded());
  }

  public static String keyId(PublicKey key) {
    return Merkle.hex(Arrays.copyOf(Merkle.sha256().digest(key.getEncoded()), 8));
  }

  public static byte[] sign(PrivateKey key, byte[] message) {
    try {
      Signature signature = Signature.getInstance(ALGORITHM);
      signature.initSign(key);
      signature.update(message);
      return signature.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign with the audit key", e);
    }
  }

  public static boolean verify(PublicKey key, byte[] message, byte[] signatureBytes) {
    try {
      Signature signature = Signature.getInstance(ALGORITHM);
      signature.initVerify(key);
      signature.update(message);
      return signature.verify(signatureBytes);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /** Whether the two keys are a pair: a signature by one verifies with the other. */
  public static boolean matches(PrivateKey privateKey, PublicKey publicKey) {
    byte[] probe = "openpmo audit key check".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    return verify(publicKey, probe, sign(privateKey, probe));
  }

  private static byte[] decode(String base64) {
    if (base64 == null) {
      throw new IllegalArgumentException("no key");
    }
    try {
      return Base64.getDecoder().decode(base64.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("a key must be base64", e);
    }
  }

  /** Prints a new key pair as the two configuration lines. */
  public static void main(String[] args) {
    KeyPair pair = generate();
    System.out.println("OPENPMO_AUDIT_SIGNING_KEY=" + encode(pair.getPrivate()));
    System.out.println("OPENPMO_AUDIT_PUBLIC_KEY=" + encode(pair.getPublic()));
    System.out.println("# key id " + keyId(pair.getPublic()));
  }
}
