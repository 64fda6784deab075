package vn.danvan.input;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * Input a user or API client sent that the product refuses: the engine rolls the transaction back
 * and the REST API answers 400 with this (Vietnamese) message instead of 500.
 */
public class InvalidInputException extends BadUserRequestException {

  /** The last refusal raised on this thread (read by {@link WebappInvalidInputs}). */
  private static final ThreadLocal<InvalidInputException> LAST = new ThreadLocal<>();

  public InvalidInputException(String message) {
    super(message);
    LAST.set(this);
  }

  static InvalidInputException last() {
    return LAST.get();
  }

  static void forget() {
    LAST.remove();
  }
}
