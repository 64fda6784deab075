package vn.danvan.input;

/**
 * One thing a check of a model found: the file, the element (its id, and its name when it has one),
 * the field and what is wrong, as an error (the deployment is refused) or a warning (it goes ahead,
 * and the administrator reads why it may not do what the text means).
 */
public record ModelFinding(
    Severity severity, String file, String element, String field, String message) {

  /** Whether the finding stops the deployment. */
  public enum Severity {
    ERROR,
    WARNING
  }

  /** The finding in one line: {@code file, phần tử X "name", trường field: message}. */
  public String text() {
    return file + ", phần tử " + element + ", trường " + field + ": " + message;
  }
}
