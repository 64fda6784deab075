package vn.danvan.document;

import java.util.List;

/**
 * The files listed under "Tài liệu kèm theo" of a consolidated report: those attached to the
 * compile task and to the bodies' answers. A bean of this type, when there is one, is asked;
 * without one the report lists none.
 */
@FunctionalInterface
public interface ReportAttachments {

  /**
   * The names of the files to list, in order.
   *
   * @param compileTaskId the compile task
   * @param answerInstanceIds the process instances of the bodies' answers the report summarises
   */
  List<String> names(String compileTaskId, List<String> answerInstanceIds);
}
