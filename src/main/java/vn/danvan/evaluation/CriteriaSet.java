package vn.danvan.evaluation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One province's criteria for evaluating and ranking mass-mobilisation work, valid for a range of
 * years: criteria worth 100 points together, bonus and penalty items, and the DMN decision that
 * turns a total into a band. Data an administrator edits (YAML), never code.
 *
 * @param toYear last year it applies to, or null while it is current
 * @param bands key of the band decision in {@code processes/decisions/}
 */
public record CriteriaSet(
    String id,
    String name,
    String province,
    int fromYear,
    Integer toYear,
    String bands,
    List<Item> criteria,
    List<Item> bonus,
    List<Item> penalty) {

  /** The criteria of a set are worth exactly this much together. */
  public static final int TOTAL_POINTS = 100;

  /** How an item counts in the total. */
  public enum Kind {
    CRITERION("Tiêu chí"),
    BONUS("Điểm thưởng"),
    PENALTY("Điểm trừ");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /**
   * A criterion, bonus or penalty item.
   *
   * @param metric tracking figure shown to the reviewer as evidence: {@code onTime} or {@code
   *     chases}; null for none
   */
  public record Item(
      String code, String name, int maxPoints, boolean evidenceRequired, String metric) {}

  /** An item with its kind, in sheet order: criteria, then bonus, then penalty. */
  public record Line(Kind kind, Item item) {}

  public CriteriaSet {
    criteria = criteria == null ? List.of() : List.copyOf(criteria);
    bonus = bonus == null ? List.of() : List.copyOf(bonus);
    penalty = penalty == null ? List.of() : List.copyOf(penalty);
  }

  public boolean covers(String provinceId, int year) {
    return province.equals(provinceId) && year >= fromYear && (toYear == null || year <= toYear);
  }

  public List<Line> lines() {
    List<Line> lines = new ArrayList<>();
    criteria.forEach(i -> lines.add(new Line(Kind.CRITERION, i)));
    bonus.forEach(i -> lines.add(new Line(Kind.BONUS, i)));
    penalty.forEach(i -> lines.add(new Line(Kind.PENALTY, i)));
    return lines;
  }

  /** What is wrong with this set, as messages naming the field; empty when it is usable. */
  List<String> problems() {
    List<String> problems = new ArrayList<>();
    require(problems, id, "id");
    require(problems, name, "name");
    require(problems, province, "province");
    require(problems, bands, "bands (mã bảng quyết định xếp loại)");
    if (fromYear < 1945) {
      problems.add("fromYear phải là một năm (ví dụ 2025)");
    }
    if (toYear != null && toYear < fromYear) {
      problems.add("toYear " + toYear + " trước fromYear " + fromYear);
    }
    if (criteria.isEmpty()) {
      problems.add("criteria: cần ít nhất một tiêu chí");
    }
    int sum = criteria.stream().mapToInt(Item::maxPoints).sum();
    if (!criteria.isEmpty() && sum != TOTAL_POINTS) {
      problems.add("điểm tối đa các tiêu chí cộng lại " + sum + ", phải đúng " + TOTAL_POINTS);
    }
    Set<String> codes = new HashSet<>();
    Stream.of(criteria, bonus, penalty)
        .flatMap(List::stream)
        .forEach(
            item -> {
              if (item.code() == null || item.code().isBlank()) {
                problems.add("một mục thiếu code");
              } else if (!codes.add(item.code())) {
                problems.add("mã " + item.code() + " trùng");
              }
              if (item.name() == null || item.name().isBlank()) {
                problems.add(item.code() + ": thiếu name");
              }
              if (item.maxPoints() <= 0) {
                problems.add(item.code() + ": maxPoints phải lớn hơn 0");
              }
              if (item.metric() != null && !List.of("onTime", "chases").contains(item.metric())) {
                problems.add(
                    item.code() + ": metric \"" + item.metric() + "\" không có (onTime, chases)");
              }
            });
    return problems;
  }

  private static void require(List<String> problems, String value, String field) {
    if (value == null || value.isBlank()) {
      problems.add("thiếu " + field);
    }
  }
}
