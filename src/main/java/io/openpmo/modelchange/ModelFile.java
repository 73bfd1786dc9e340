package io.openpmo.modelchange;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One model file by its place in the repository ({@code processes/x.bpmn}, {@code dmn/y.dmn}, {@code forms/z.form},
 * {@code dmn/tests/t.csv}), with its content and SHA-256. Files arrive by bare name (Camunda Modeler) or with a
 * folder; the folder follows from the kind, so a file always lands where it lives in the repository.
 */
public record ModelFile(String name, ModelKind kind, byte[] content, String sha256) {

  private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,120}");

  public static ModelFile of(String name, byte[] content) {
    String base = baseName(name);
    ModelKind kind = ModelKind.ofFileName(base)
        .orElseThrow(() -> new IllegalArgumentException(name + " is not a model file"));
    return new ModelFile(kind.folder() + "/" + base, kind, content, sha256(content));
  }

  /** The canonical name of an uploaded file, or empty when it is no model file (or its name is unsafe). */
  public static Optional<String> canonicalName(String uploaded) {
    String base = baseName(uploaded);
    if (!SAFE_NAME.matcher(base).matches()) {
      return Optional.empty();
    }
    return ModelKind.ofFileName(base).map(kind -> kind.folder() + "/" + base);
  }

  static String baseName(String name) {
    String normalized = name == null ? "" : name.replace('\\', '/');
    return normalized.substring(normalized.lastIndexOf('/') + 1);
  }

  public String baseName() {
    return baseName(name);
  }

  public String text() {
    return new String(content, StandardCharsets.UTF_8);
  }

  public static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
