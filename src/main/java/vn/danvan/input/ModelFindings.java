package vn.danvan.input;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import vn.danvan.input.ModelFinding.Severity;

/** What the checks of one model file found, errors and warnings, in the order found. */
public final class ModelFindings {

  private final String file;
  private final List<ModelFinding> found = new ArrayList<>();

  public ModelFindings(String file) {
    this.file = file;
  }

  public String file() {
    return file;
  }

  /** Something that stops the deployment, at {@code where} (or its nearest element with an id). */
  public void error(ModelElementInstance where, String field, String message) {
    found.add(new ModelFinding(Severity.ERROR, file, element(where), field, message));
  }

  /** Something the administrator should know; the deployment goes ahead. */
  public void warning(ModelElementInstance where, String field, String message) {
    found.add(new ModelFinding(Severity.WARNING, file, element(where), field, message));
  }

  public List<ModelFinding> all() {
    return List.copyOf(found);
  }

  public List<ModelFinding> errors() {
    return found.stream().filter(f -> f.severity() == Severity.ERROR).toList();
  }

  public List<ModelFinding> warnings() {
    return found.stream().filter(f -> f.severity() == Severity.WARNING).toList();
  }

  /** The nearest element with an id ({@code CallActivity_X "name"}), for a message. */
  public static String element(ModelElementInstance where) {
    ModelElementInstance current = where;
    while (current != null && !(current instanceof BaseElement base && base.getId() != null)) {
      current = current.getParentElement();
    }
    if (current == null) {
      return "?";
    }
    BaseElement base = (BaseElement) current;
    String name = base.getAttributeValue("name");
    return base.getId()
        + (name == null || name.isBlank() ? "" : " \"" + name.replaceAll("\\s+", " ") + "\"");
  }
}
