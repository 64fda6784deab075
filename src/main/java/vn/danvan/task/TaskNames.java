package vn.danvan.task;

import static vn.danvan.variable.SharedVariables.LEAD_BODY;

import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.danvan.variable.SharedVariables;

/**
 * Every user task of every model is named after the work it is about, then its directive: "Xây dựng
 * kế hoạch thực hiện — 15/CT-UBND", "Báo cáo quý I/2026 — 45-KH/TU", "Tổng hợp báo cáo kỳ quý
 * I/2026 — 45-KH/TU", "Duyệt và gửi kết quả: Xây dựng kế hoạch thực hiện — 15/CT-UBND". The name is
 * made when the engine makes the task, from its element's name, the work's variables and the
 * instance's business key (the directive's number, which call activities pass down), so the task
 * and its history carry the same name from the start.
 *
 * <ul>
 *   <li>The work itself (the task offered to the lead body, {@code ${leadBody}}) is named by what
 *       is to be done: the content ({@code taskContent}), or for a periodic report "Báo cáo" and
 *       the period ({@code periodLabel}).
 *   <li>Any other step is named by its element, then the work: "Tiếp nhận đôn đốc: …"; a step of a
 *       report period whose element speaks of the report takes the period: "Kết luận kỳ báo cáo năm
 *       2026".
 *   <li>Without content or period the element's name stays; the directive's number follows when the
 *       instance has one.
 * </ul>
 *
 * A name is at most {@link #MAX} characters (the engine's column), the work shortened at a word. A
 * name that cannot be made leaves the element's own: naming never stops a task being created.
 */
@Component
public class TaskNames extends UserTaskPlugin {

  /** The length of the engine's task name column ({@code ACT_RU_TASK.NAME_}, 255). */
  public static final int MAX = 255;

  static final String BEFORE_NUMBER = " — ";
  private static final String WORK = "${" + LEAD_BODY + "}";
  private static final Logger LOG = LoggerFactory.getLogger(TaskNames.class);

  @Override
  protected void parsed(TaskDefinition task, ActivityImpl activity) {
    boolean work =
        task.getCandidateGroupIdExpressions().stream()
            .anyMatch(group -> WORK.equals(group.getExpressionText()));
    task.setNameExpression(new Named(task.getNameExpression(), work, activity.getId()));
  }

  /**
   * A task's name.
   *
   * @param head the element's name (null for none)
   * @param content what is to be done (null for none)
   * @param period the report's period ("Quý I/2026"; null outside periodic reports)
   * @param work whether the task is the work itself rather than a step around it
   * @param number the directive's number (null for none)
   */
  static String name(String head, String content, String period, boolean work, String number) {
    String name = head;
    String rest = "";
    if (present(period)) {
      String report = "báo cáo " + lowerFirst(oneLine(period));
      if (work || head == null) {
        name = upperFirst(report);
      } else if (head.toLowerCase(Locale.ROOT).contains("báo cáo")) {
        name = head + " " + lowerFirst(oneLine(period));
      } else {
        name = head + ": ";
        rest = report;
      }
    } else if (present(content)) {
      if (work || head == null) {
        name = "";
        rest = oneLine(content);
      } else {
        name = head + ": ";
        rest = oneLine(content);
      }
    }
    if (name == null) {
      return null;
    }
    String suffix =
        present(number) && !(name + rest).contains(number.strip())
            ? BEFORE_NUMBER + oneLine(number)
            : "";
    return fit(name, rest, suffix);
  }

  /** head + rest + suffix, the rest (else the head) shortened at a word to fit in {@link #MAX}. */
  private static String fit(String head, String rest, String suffix) {
    String whole = head + rest + suffix;
    if (whole.length() <= MAX) {
      return whole;
    }
    int room = MAX - suffix.length() - 1;
    String text = head + rest;
    if (room < 20) { // a number too long to keep: the work matters more
      return shorten(whole, MAX - 1) + "…";
    }
    return shorten(text, room) + "…" + suffix;
  }

  /**
   * At most {@code length} characters of {@code text}, cut at the last space if there is one,
   * without the punctuation the cut leaves at its end.
   */
  private static String shorten(String text, int length) {
    String cut = text.substring(0, length);
    int space = cut.lastIndexOf(' ');
    return (space > length / 2 ? cut.substring(0, space) : cut).replaceAll("[\\s,;:.]+$", "");
  }

  private static boolean present(String text) {
    return text != null && !text.isBlank();
  }

  private static String oneLine(String text) {
    return text.strip().replaceAll("\\s+", " ");
  }

  private static String lowerFirst(String text) {
    return text.isEmpty()
        ? text
        : text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
  }

  private static String upperFirst(String text) {
    return text.isEmpty()
        ? text
        : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
  }

  /** The element's name expression, worded as {@link #name} says. */
  private record Named(Expression element, boolean work, String id) implements Expression {

    @Override
    public Object getValue(VariableScope scope) {
      Object head = element == null ? null : element.getValue(scope);
      try {
        String number =
            scope instanceof DelegateExecution execution ? execution.getProcessBusinessKey() : null;
        return name(
            head == null ? null : head.toString(),
            SharedVariables.taskContent(scope),
            SharedVariables.periodLabel(scope),
            work,
            number);
      } catch (RuntimeException unnamed) {
        LOG.warn("Không đặt được tên công việc {}: {}", id, unnamed.toString());
        return head;
      }
    }

    @Override
    public void setValue(Object value, VariableScope scope) {
      throw new UnsupportedOperationException("Tên công việc chỉ đọc");
    }

    @Override
    public String getExpressionText() {
      return element == null ? null : element.getExpressionText();
    }

    @Override
    public boolean isLiteralText() {
      return false;
    }
  }
}
