package vn.danvan.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import vn.danvan.deadline.DeadlinePhraseCheck;
import vn.danvan.deadline.Deadlines;
import vn.danvan.engine.ModelChecks;
import vn.danvan.input.InvalidInputException;
import vn.danvan.input.ModelFinding;
import vn.danvan.input.ModelFindings;
import vn.danvan.org.OrgRegistry.Body;

/**
 * The findings of the checks a deployment runs, one fixture model per case ({@code
 * src/test/resources/fixtures/model-checks/}), against the demo registry on 07/12/2026: errors
 * refuse a deployment, warnings name what the model will not do as its text means, each with the
 * file, element and field.
 */
class ModelWarningsTest {

  static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
  static final String FIXTURES = "fixtures/model-checks/";

  static final Deadlines DEADLINES =
      new Deadlines() {
        @Override
        public LocalDate today() {
          return TODAY;
        }
      };

  /** The demo registry, with a body ending next year and one ended with no heir. */
  static final OrgRegistry REGISTRY = registry(OrgRegistry.EndedBodyPolicy.SUCCESSOR);

  static OrgRegistry registry(OrgRegistry.EndedBodyPolicy policy) {
    OrgRegistry demo = OrgRegistryLoader.load(new ClassPathResource("org/demo-province.yaml"));
    List<Body> bodies = new ArrayList<>(demo.bodies());
    bodies.add(
        new Body(
            "soTamThoi",
            "Sở Tạm thời",
            "so",
            "ubndTinh",
            null,
            LocalDate.of(2027, 6, 30),
            List.of("soNoiVu"),
            0));
    bodies.add(
        new Body(
            "soGiaiThe",
            "Sở Giải thể",
            "so",
            "ubndTinh",
            null,
            LocalDate.of(2026, 6, 30),
            List.of(),
            0));
    return new OrgRegistry("test", policy, demo.bodyTypes(), bodies, demo.people());
  }

  static ModelChecks checks(OrgRegistry registry) {
    return new ModelChecks(
        List.of(new BodyNamesCheck(registry, DEADLINES), new DeadlinePhraseCheck(DEADLINES)));
  }

  static ModelFindings check(String fixture, LocalDate issued) {
    return check(checks(REGISTRY), fixture, issued);
  }

  static ModelFindings check(ModelChecks checks, String fixture, LocalDate issued) {
    try (InputStream in = new ClassPathResource(FIXTURES + fixture).getInputStream()) {
      return checks.check(fixture, in.readAllBytes(), issued);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> texts(List<ModelFinding> findings) {
    return findings.stream().map(ModelFinding::text).toList();
  }

  @Test
  void aModelThatMeansWhatItSaysHasNoFindings() {
    assertThat(check("clean.bpmn", null).all()).isEmpty();
  }

  @Test
  void aDeadlineBeforeTheIssueDateIsAWarning() {
    ModelFindings found = check("deadline-before-issue.bpmn", null);
    assertThat(found.errors()).isEmpty();
    assertThat(texts(found.warnings()))
        .containsExactly(
            "deadline-before-issue.bpmn, phần tử CallActivity_Plan \"1. Xây dựng kế hoạch\","
                + " trường deadlinePhrase: \"trước 30/6/2016\" là ngày 30/06/2016, trước ngày ban"
                + " hành 25/07/2016: việc sẽ quá hạn ngay khi bắt đầu");
  }

  @Test
  void withoutAnIssueDateTheDeadlineIsReadAgainstTheOneAskedForElseToday() {
    ModelFinding warning = check("deadline-before-today.bpmn", null).warnings().get(0);
    assertThat(warning.field()).isEqualTo("deadlinePhrase");
    assertThat(warning.message())
        .contains("trước hôm nay 07/12/2026 (mô hình không nêu ngày ban hành)");
    assertThat(check("deadline-before-today.bpmn", LocalDate.of(2020, 1, 2)).all()).isEmpty();
    // the model's own issue date wins over the one asked for
    assertThat(check("deadline-before-issue.bpmn", LocalDate.of(2016, 1, 1)).warnings()).hasSize(1);
  }

  @Test
  void anEndedBodyWithAnHeirIsAWarningNamingTheHeir() {
    ModelFindings found = check("body-with-heir.bpmn", null);
    assertThat(found.errors()).isEmpty();
    assertThat(texts(found.warnings()))
        .containsExactly(
            "body-with-heir.bpmn, phần tử CallActivity_Plan \"1. Xây dựng kế hoạch\", trường"
                + " leadBody: đơn vị \"soTNMT\" đã kết thúc hoạt động ngày 28/02/2025, đã chuyển"
                + " thành Sở Nông nghiệp và Môi trường (soNNMT): việc giao cho soNNMT");
  }

  @Test
  void underTheRefusePolicyAnEndedBodyStaysAnError() {
    ModelFindings found =
        check(checks(registry(OrgRegistry.EndedBodyPolicy.REFUSE)), "body-with-heir.bpmn", null);
    assertThat(found.warnings()).isEmpty();
    assertThat(found.errors().get(0).message())
        .isEqualTo(
            "đơn vị \"soTNMT\" đã kết thúc hoạt động ngày 28/02/2025, đơn vị kế thừa: Sở Nông"
                + " nghiệp và Môi trường (soNNMT)");
  }

  @Test
  void anEndedBodyWithoutAnHeirStaysAnError() {
    ModelFindings found = check("body-ended-without-heir.bpmn", null);
    assertThat(found.warnings()).isEmpty();
    assertThat(texts(found.errors()))
        .containsExactly(
            "body-ended-without-heir.bpmn, phần tử CallActivity_Plan \"1. Xây dựng kế hoạch\","
                + " trường leadBody: đơn vị \"soGiaiThe\" đã kết thúc hoạt động ngày 30/06/2026,"
                + " không có đơn vị kế thừa còn hoạt động");
  }

  @Test
  void aBodyInTheRegistryOnlyAfterTheDeadlineIsAWarning() {
    ModelFinding warning = check("body-starts-after-deadline.bpmn", null).warnings().get(0);
    assertThat(warning.element()).isEqualTo("CallActivity_Plan \"1. Xây dựng kế hoạch\"");
    assertThat(warning.field()).isEqualTo("leadBody");
    assertThat(warning.message())
        .isEqualTo(
            "đơn vị \"soNNMT\" có trong sổ đăng ký từ ngày 01/03/2025, sau hạn cuối của việc"
                + " (30/09/2016)");
  }

  @Test
  void aBodyEndingBeforeTheDeadlineIsAWarningNamingItsHeir() {
    ModelFindings found = check("body-ends-before-deadline.bpmn", null);
    assertThat(found.errors()).isEmpty();
    assertThat(found.warnings()).hasSize(1);
    assertThat(found.warnings().get(0).message())
        .isEqualTo(
            "đơn vị \"soTamThoi\" kết thúc hoạt động ngày 30/06/2027, trước hạn cuối của việc"
                + " (31/12/2027): sau đó việc chuyển cho Sở Nội vụ (soNoiVu)");
  }

  @Test
  void aCycleWhoseEndComesBeforeItsFirstPeriodIsAWarning() {
    ModelFindings found = check("cycle-ends-early.bpmn", null);
    assertThat(found.errors()).isEmpty();
    assertThat(texts(found.warnings()))
        .containsExactly(
            "cycle-ends-early.bpmn, phần tử CallActivity_Report \"Báo cáo hằng quý\", trường"
                + " endDate: thời điểm kết thúc 31/08/2016 trước kỳ đầu tiên của \"hằng quý\""
                + " (cyclePhrase) tính từ ngày ban hành 25/07/2016: không có kỳ nào");
  }

  @Test
  void aReviewMilestoneAfterTheDirectivesEndIsAWarning() {
    ModelFindings found = check("milestone-after-end.bpmn", null);
    assertThat(found.errors()).isEmpty();
    assertThat(found.warnings()).hasSize(1);
    ModelFinding warning = found.warnings().get(0);
    assertThat(warning.element()).isEqualTo("CallActivity_Review \"Tổng kết\"");
    assertThat(warning.field()).isEqualTo("milestonePhrase");
    assertThat(warning.message())
        .startsWith(
            "mốc \"quý IV/2020\" (hạn 31/12/2020) sau thời điểm kết thúc của văn bản"
                + " (30/09/2020, endDate)");
  }

  @Test
  void aBlockGivenNoPhraseItNeedsIsAWarning() {
    ModelFindings found = check("phrase-missing.bpmn", null);
    assertThat(found.errors()).isEmpty();
    assertThat(texts(found.warnings()))
        .containsExactly(
            "phrase-missing.bpmn, phần tử CallActivity_Inspection \"Kiểm tra\", trường"
                + " deadlinePhrase: khối inspection cần thời hạn này: không có, việc sẽ bị từ chối"
                + " khi văn bản bắt đầu");
  }

  @Test
  void errorsAndWarningsComeTogetherEachWithItsElementAndField() {
    ModelFindings found = check("errors-and-warnings.bpmn", null);
    assertThat(found.errors())
        .extracting(ModelFinding::element, ModelFinding::field)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(
                "CallActivity_Plan \"1. Xây dựng kế hoạch\"", "leadBody"),
            org.assertj.core.groups.Tuple.tuple(
                "CallActivity_Guidance \"2. Hướng dẫn\"", "deadlinePhrase"));
    assertThat(found.warnings())
        .extracting(ModelFinding::element, ModelFinding::field)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(
                "CallActivity_Plan \"1. Xây dựng kế hoạch\"", "deadlinePhrase"),
            org.assertj.core.groups.Tuple.tuple(
                "CallActivity_Guidance \"2. Hướng dẫn\"", "leadBody"));
  }

  @Test
  void aFileThatIsNoModelIsRefused() {
    assertThatThrownBy(
            () -> checks(REGISTRY).check("hong.bpmn", "<bpmn:definitions".getBytes(), null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("hong.bpmn");
  }
}
