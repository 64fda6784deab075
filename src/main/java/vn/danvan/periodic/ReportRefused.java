package vn.danvan.periodic;

import org.springframework.http.HttpStatus;

/**
 * A draft that cannot be given to this caller or for this task: the status and why, in Vietnamese.
 */
public class ReportRefused extends RuntimeException {

  private final HttpStatus status;

  public ReportRefused(HttpStatus status, String message) {
    super(message);
    this.status = status;
  }

  public HttpStatus status() {
    return status;
  }
}
