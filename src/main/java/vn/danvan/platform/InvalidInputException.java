package vn.danvan.platform;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * Input a user or API client sent that the product refuses: the engine rolls the transaction
 * back and the REST API answers 400 with this (Vietnamese) message instead of 500.
 */
public class InvalidInputException extends BadUserRequestException {

  public InvalidInputException(String message) {
    super(message);
  }
}
