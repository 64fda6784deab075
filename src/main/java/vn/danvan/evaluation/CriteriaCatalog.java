package vn.danvan.evaluation;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import vn.danvan.input.InvalidInputException;

/**
 * The criteria sets of every province and year, read once from YAML files ({@code
 * danvan.evaluation.criteria}, default {@code classpath*:evaluation/*.yaml}). A file that cannot be
 * read or a set that does not add up stops the application with the file's name and the problem;
 * two sets of one province covering the same year too.
 */
public class CriteriaCatalog {

  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

  private final List<CriteriaSet> sets;
  private final String defaultProvince;

  public CriteriaCatalog(List<CriteriaSet> sets, String defaultProvince) {
    this.sets = List.copyOf(sets);
    this.defaultProvince = defaultProvince == null ? "" : defaultProvince.trim();
    for (CriteriaSet a : sets) {
      for (CriteriaSet b : sets) {
        if (a != b && a.province().equals(b.province()) && overlap(a, b)) {
          throw new IllegalStateException(
              "Bộ tiêu chí "
                  + a.id()
                  + " và "
                  + b.id()
                  + " cùng áp dụng cho một năm của tỉnh "
                  + a.province());
        }
      }
    }
  }

  /** Reads every file of the pattern. */
  public static CriteriaCatalog load(String pattern, String defaultProvince) {
    List<CriteriaSet> sets = new ArrayList<>();
    try {
      Resource[] files = new PathMatchingResourcePatternResolver().getResources(pattern);
      for (Resource file : files) {
        sets.add(read(file));
      }
    } catch (IOException e) {
      throw new IllegalStateException(
          "Không đọc được bộ tiêu chí " + pattern + ": " + e.getMessage(), e);
    }
    return new CriteriaCatalog(sets, defaultProvince);
  }

  static CriteriaSet read(Resource file) {
    CriteriaSet set;
    try (InputStream in = file.getInputStream()) {
      Object tree = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
      if (!(tree instanceof Map<?, ?>)) {
        throw new IllegalStateException("Bộ tiêu chí " + file.getFilename() + " trống");
      }
      set = JSON.convertValue(tree, CriteriaSet.class);
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "Bộ tiêu chí "
              + file.getFilename()
              + " sai cấu trúc: "
              + e.getMessage().lines().findFirst().orElse(""),
          e);
    }
    List<String> problems = set.problems();
    if (!problems.isEmpty()) {
      throw new IllegalStateException(
          "Bộ tiêu chí " + file.getFilename() + ": " + String.join("; ", problems));
    }
    return set;
  }

  public List<CriteriaSet> sets() {
    return sets;
  }

  /** The province evaluated when a start names none (configuration); blank if not configured. */
  public String defaultProvince() {
    return defaultProvince;
  }

  /** The set of a province for a year. */
  public Optional<CriteriaSet> find(String province, int year) {
    return sets.stream()
        .filter(s -> s.covers(province, year))
        .max(Comparator.comparingInt(CriteriaSet::fromYear));
  }

  /** The set of a province for a year, or a clear refusal. */
  public CriteriaSet select(String province, int year) {
    return find(province, year)
        .orElseThrow(
            () ->
                new InvalidInputException(
                    "Chưa có bộ tiêu chí đánh giá công tác dân vận của \""
                        + province
                        + "\" cho năm "
                        + year
                        + " (bổ sung tệp tiêu chí rồi khởi động lại)"));
  }

  public CriteriaSet byId(String id) {
    return sets.stream()
        .filter(s -> s.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new InvalidInputException("Không có bộ tiêu chí \"" + id + "\""));
  }

  private static boolean overlap(CriteriaSet a, CriteriaSet b) {
    int aEnd = a.toYear() == null ? Integer.MAX_VALUE : a.toYear();
    int bEnd = b.toYear() == null ? Integer.MAX_VALUE : b.toYear();
    return a.fromYear() <= bEnd && b.fromYear() <= aEnd;
  }
}
