package io.openpmo.modelchange;

/**
 * One reason a proposed model may not be deployed: the file, the element (when there is one), the line in the file
 * (when known), which check found it and what is wrong, in words.
 */
public record CheckProblem(String file, String elementId, Integer line, String check, String message) {

  public static final String FILE = "FILE";
  public static final String PARSE = "ENGINE_PARSE";
  public static final String CODE = "NO_CODE_IN_MODELS";
  public static final String FEEL = "FEEL";
  public static final String OVERLAP = "UNIQUE_OVERLAP";
  public static final String GAP = "COVERAGE_GAP";
  public static final String CONTRACT = "CONTRACT";
  public static final String REFERENCE = "REFERENCE";
  public static final String FORM = "FORM";
  public static final String TEST = "DECISION_TESTS";

  public CheckProblem {
    line = line == null || line <= 0 ? null : line;
  }

  /** "file, element 'x', line n: message". */
  public String describe() {
    return file + (elementId == null ? "" : ", element '" + elementId + "'") + (line == null ? "" : ", line " + line)
        + ": " + message;
  }
}
