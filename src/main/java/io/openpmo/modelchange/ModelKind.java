package io.openpmo.modelchange;

import java.util.Locale;
import java.util.Optional;

/** The kinds of file a process owner keeps: where each lives in the repository and how its name ends. */
public enum ModelKind {
  PROCESS("processes", ".bpmn"),
  DECISION("dmn", ".dmn"),
  FORM("forms", ".form"),
  /** Test cases of the decisions (input rows and expected outputs), kept beside the models, never deployed. */
  TEST("dmn/tests", ".csv");

  private final String folder;
  private final String extension;

  ModelKind(String folder, String extension) {
    this.folder = folder;
    this.extension = extension;
  }

  public String folder() {
    return folder;
  }

  public String extension() {
    return extension;
  }

  /** Whether the engine runs it (deployed), or only our checks read it (test cases). */
  public boolean deployed() {
    return this != TEST;
  }

  static Optional<ModelKind> ofFileName(String fileName) {
    String lower = fileName.toLowerCase(Locale.ROOT);
    for (ModelKind kind : values()) {
      if (lower.endsWith(kind.extension)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}
