package vn.danvan.assignment;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/** Told, in the same transaction, when an assignment ends (done and confirmed). */
public interface AssignmentEndListener {

  void ended(DelegateExecution assignment);
}
