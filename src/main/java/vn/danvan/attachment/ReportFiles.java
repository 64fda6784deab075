package vn.danvan.attachment;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import vn.danvan.document.ReportAttachments;

/**
 * The files a consolidated report lists under "Tài liệu kèm theo": those attached to the bodies'
 * answers it summarises (each answer's process instance), then to the compile task itself.
 */
@Component
class ReportFiles implements ReportAttachments {

  private final AttachmentStore store;

  ReportFiles(AttachmentStore store) {
    this.store = store;
  }

  @Override
  public List<String> names(String compileTaskId, List<String> answerInstanceIds) {
    List<String> names = new ArrayList<>();
    for (String instance : answerInstanceIds) {
      store.ofInstanceTasks(instance).forEach(a -> names.add(a.name()));
    }
    store.ofTask(compileTaskId).forEach(a -> names.add(a.name()));
    return names;
  }
}
