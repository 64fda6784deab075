package vn.danvan.directive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Association;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.TextAnnotation;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.danvan.org.OrgRegistry;

/**
 * Each directive item shows its bodies and its deadline on the canvas: a text annotation joined to
 * the item's call activity, saying what its inputs say ({@link DirectiveDiagrams}), and the items
 * stand in the text's order, top to bottom. {@code -Ddiagrams.write=true} draws them anew.
 */
class DiagramWhoWhenTest {

  private static final OrgRegistry REGISTRY = DirectiveDiagrams.registry();

  @BeforeAll
  static void draw() throws IOException {
    if (Boolean.getBoolean("diagrams.write")) {
      DirectiveDiagrams.drawAll();
    }
  }

  @Test
  void everyItemShowsItsBodiesAndDeadline() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Path file : DirectiveDiagrams.directives()) {
      BpmnModelInstance model = DirectiveDiagrams.read(Files.readString(file));
      for (CallActivity item : DirectiveDiagrams.items(model)) {
        String where = file.getFileName() + ", " + item.getId() + ": ";
        String expected = DirectiveDiagrams.annotation(item, REGISTRY);
        List<TextAnnotation> notes =
            model.getModelElementsByType(Association.class).stream()
                .filter(a -> a.getSource() == item && a.getTarget() instanceof TextAnnotation)
                .filter(a -> shown(model, a.getId()))
                .map(a -> (TextAnnotation) a.getTarget())
                .filter(n -> shown(model, n.getId()))
                .toList();
        if (notes.isEmpty()) {
          problems.add(where + "no annotation drawn, expected \"" + expected + "\"");
        } else if (notes.stream().noneMatch(n -> expected.equals(n.getText().getTextContent()))) {
          problems.add(
              where
                  + "annotation \""
                  + notes.get(0).getText().getTextContent()
                  + "\", its inputs say \""
                  + expected
                  + "\"");
        }
      }
    }
    assertThat(problems)
        .as("run DiagramWhoWhenTest with -Ddiagrams.write=true to draw them again")
        .isEmpty();
  }

  @Test
  void itemsStandInTheTextsOrder() throws IOException {
    for (Path file : DirectiveDiagrams.directives()) {
      BpmnModelInstance model = DirectiveDiagrams.read(Files.readString(file));
      List<CallActivity> items = DirectiveDiagrams.items(model);
      List<CallActivity> onCanvas =
          items.stream()
              .sorted(
                  Comparator.comparingDouble((CallActivity c) -> bounds(model, c).getY())
                      .thenComparingDouble(c -> bounds(model, c).getX()))
              .toList();
      assertThat(onCanvas.stream().map(c -> c.getName()).toList())
          .as(file + ": items top to bottom")
          .containsExactlyElementsOf(items.stream().map(c -> c.getName()).toList());
    }
  }

  @Test
  void itemNumbersReadAsTheTextWritesThem() {
    assertThat(DirectiveDiagrams.number("III.2 UBND tỉnh xây dựng")).containsExactly(3, 2);
    assertThat(DirectiveDiagrams.number("II.1, III.5. Ban Dân vận")).containsExactly(2, 1);
    assertThat(DirectiveDiagrams.number("5. Kiểm tra")).containsExactly(0, 5);
  }

  private static boolean shown(BpmnModelInstance model, String id) {
    return model.getModelElementsByType(BpmnShape.class).stream()
            .anyMatch(s -> s.getBpmnElement() != null && id.equals(s.getBpmnElement().getId()))
        || model.getModelElementsByType(BpmnEdge.class).stream()
            .anyMatch(e -> e.getBpmnElement() != null && id.equals(e.getBpmnElement().getId()));
  }

  private static Bounds bounds(BpmnModelInstance model, CallActivity item) {
    return model.getModelElementsByType(BpmnShape.class).stream()
        .filter(s -> s.getBpmnElement() == item)
        .findFirst()
        .orElseThrow()
        .getBounds();
  }
}
