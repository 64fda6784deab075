package vn.danvan.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.io.ClassPathResource;
import vn.danvan.org.OrgRegistry.Body;
import vn.danvan.org.OrgRegistry.Person;

class OrgRegistryLoaderTest {

  /** A small valid registry; each case below breaks one thing in it. */
  private static final String VALID =
      """
      name: Tỉnh thử
      bodyTypes:
        - id: coQuanDang
          name: Cơ quan của cấp ủy
        - id: so
          name: Sở
      bodies:
        - id: bdvTU
          name: Ban Dân vận Tỉnh ủy
          type: coQuanDang
        - id: soNoiVu
          name: Sở Nội vụ
          type: so
          parent: bdvTU
          validFrom: 2008-01-01
          validTo: 2025-06-30
          successor: bdvTU
      people:
        - id: nvAn
          name: Nguyễn Văn An
          body: soNoiVu
          role: staff
          email: an@example.vn
      """;

  private static OrgRegistry load(String yaml) {
    return OrgRegistryLoader.load("test.yaml", new StringReader(yaml));
  }

  @Test
  void validRegistryIsRead() {
    OrgRegistry registry = load(VALID);

    Body noiVu = registry.body("soNoiVu").orElseThrow();
    assertThat(noiVu.parent()).isEqualTo("bdvTU");
    assertThat(noiVu.leadersGroupId()).isEqualTo("soNoiVuLanhDao");
    assertThat(noiVu.isValidOn(LocalDate.of(2025, 6, 30))).isTrue();
    assertThat(noiVu.isValidOn(LocalDate.of(2025, 7, 1))).isFalse();
    assertThat(noiVu.isValidOn(LocalDate.of(2007, 12, 31))).isFalse();
    Person an = registry.people().get(0);
    assertThat(an.role()).isEqualTo(Role.STAFF);
    assertThat(an.firstName() + " " + an.lastName()).isEqualTo("Nguyễn Văn An");
    assertThat(an.line()).isEqualTo(19);
  }

  @Test
  void demoProvinceIsTheProvinceOfTodayEachBodyInForceWithALeaderAndStaff() {
    OrgRegistry demo = OrgRegistryLoader.load(new ClassPathResource("org/demo-province.yaml"));
    LocalDate today = LocalDate.of(2026, 12, 1);

    assertThat(demo.bodiesById())
        .containsKeys(
            "bchTU",
            "btvTU",
            "ttTU",
            "bdvTU",
            "btcTU",
            "btgTU",
            "bcsdUBND",
            "ubndTinh",
            "soNoiVu",
            "mttqTinh",
            "baoTinh",
            "daiPTTH",
            "truongChinhTri",
            "ubndXuanLoc",
            "phongNoiVuXuanLoc",
            "ubndXaXuanHiep");
    Map<String, java.util.Set<Role>> roles =
        demo.people().stream()
            .collect(
                Collectors.groupingBy(
                    Person::body, Collectors.mapping(Person::role, Collectors.toSet())));
    for (Body body : demo.bodies()) {
      if (body.isValidOn(today)) {
        assertThat(roles.get(body.id())).as(body.id()).contains(Role.LEADER, Role.STAFF);
      }
    }
    assertThat(roles.get("bdvTU")).contains(Role.COORDINATOR);
    assertThat(roles.get("soNoiVu")).contains(Role.COORDINATOR);
    assertThat(demo.endedBodyPolicy()).isEqualTo(OrgRegistry.EndedBodyPolicy.SUCCESSOR);
    // two tiers: no district body is in force, and each ended body has an heir in force
    for (Body body : demo.bodies()) {
      if (body.hasEndedBy(today)) {
        assertThat(body.successors()).as(body.id()).isNotEmpty();
        assertThat(demo.heirOn(body.id(), today)).as(body.id()).isPresent();
      }
      if (body.type().equals("huyen") || body.type().equals("phongHuyen")) {
        assertThat(body.validTo()).as(body.id()).isEqualTo(LocalDate.of(2025, 6, 30));
      }
    }
    assertThat(demo.heirOn("phongNoiVuXuanLoc", today).orElseThrow().id()).isEqualTo("soNoiVu");
    assertThat(demo.heirOn("huyenUyXuanLoc", today).orElseThrow().id())
        .isEqualTo("dangUyXaXuanLoc");
    // the merged boards and departments (1/3/2025)
    assertThat(demo.heirOn("btgTU", today).orElseThrow().name())
        .isEqualTo("Ban Tuyên giáo và Dân vận Tỉnh ủy");
    assertThat(demo.heirOn("soLDTBXH", today).orElseThrow().id()).isEqualTo("soNoiVu");
    assertThat(demo.predecessorsOf("bdvTU")).containsExactly("btgTU");
    assertThat(demo.bodyTypes())
        .extracting(OrgRegistry.BodyType::id)
        .contains("tinh", "xa", "phuong", "dacKhu", "so", "banDang", "doanThe");
  }

  @Test
  void successorsMustBeInForceAndFormNoCycle() {
    String chain =
        VALID.replace(
            "    type: coQuanDang\n",
            "    type: coQuanDang\n    validTo: 2025-12-31\n    successor: soNoiVu\n");
    assertThatThrownBy(() -> load(chain))
        .hasMessageContaining(
            "đơn vị kế thừa \"soNoiVu\" của \"bdvTU\" đã kết thúc ngày 2025-06-30")
        .hasMessageContaining("vòng lặp: bdvTU → soNoiVu → bdvTU");
    String noEnd = VALID.replace("    validTo: 2025-06-30\n", "");
    assertThatThrownBy(() -> load(noEnd))
        .hasMessageContaining("\"soNoiVu\" có đơn vị kế thừa nhưng không có ngày kết thúc");
    OrgRegistry two = load(VALID.replace("successor: bdvTU", "successors: [bdvTU]"));
    assertThat(two.body("soNoiVu").orElseThrow().successor()).isEqualTo("bdvTU");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          unknown parent       | 'parent: bdvTU'              | 'parent: khongCo'        | 'dòng 11: đơn vị cha "khongCo" của "soNoiVu" không có trong danh sách đơn vị'
          unknown successor    | 'successor: bdvTU'           | 'successor: khongCo'     | 'dòng 11: đơn vị kế thừa "khongCo" của "soNoiVu" không có trong danh sách đơn vị'
          duplicate body id    | 'id: soNoiVu'                | 'id: bdvTU'              | 'dòng 11: mã đơn vị "bdvTU" bị trùng (đã khai báo ở dòng 8)'
          id Camunda rejects   | 'id: soNoiVu'                | 'id: so-noi-vu'          | 'dòng 11: mã đơn vị "so-noi-vu" không hợp lệ'
          id with diacritics   | 'id: nvAn'                   | 'id: nvÂn'               | 'dòng 19: mã người dùng "nvÂn" không hợp lệ'
          unknown type         | 'type: so'                   | 'type: huyen'            | 'dòng 11: loại đơn vị "huyen" không có trong bodyTypes'
          unknown body         | 'body: soNoiVu'              | 'body: soYTe'            | 'dòng 19: đơn vị "soYTe" của người dùng "nvAn" không có trong danh sách đơn vị'
          unknown role         | 'role: staff'                | 'role: boss'             | 'dòng 22: vai trò "boss" không hợp lệ'
          bad date             | 'validFrom: 2008-01-01'      | 'validFrom: 01/01/2008'  | 'dòng 15: ngày validFrom "01/01/2008" không hợp lệ'
          end before start     | 'validTo: 2025-06-30'        | 'validTo: 2000-01-01'    | 'dòng 11: validTo 2000-01-01 trước validFrom 2008-01-01'
          misspelt field       | 'name: Sở Nội vụ'            | 'nam: Sở Nội vụ'         | 'dòng 12: trường "nam" không được hỗ trợ'
          bad email            | 'email: an@example.vn'       | 'email: an'              | 'dòng 19: email "an" không hợp lệ'
          collides with group  | 'id: bdvTU'                  | 'id: soNoiVuLanhDao'     | 'trùng với mã của nhóm lãnh đạo của đơn vị "soNoiVu"'
          YAML syntax          | 'name: Sở Nội vụ'            | 'name: [Sở Nội vụ'       | 'lỗi cú pháp YAML'
          """)
  void invalidRegistryNamesTheLine(String kind, String from, String to, String message) {
    String broken = VALID.replaceFirst(java.util.regex.Pattern.quote(from), to);
    assertThat(broken).as("test case must change the file").isNotEqualTo(VALID);

    assertThatThrownBy(() -> load(broken))
        .isInstanceOf(OrgRegistryException.class)
        .hasMessageContaining("test.yaml")
        .hasMessageContaining(message);
  }

  @Test
  void missingRequiredFieldNamesTheEntry() {
    String broken = VALID.replace("    type: so\n", "");
    assertThatThrownBy(() -> load(broken))
        .hasMessageContaining("dòng 11: thiếu trường bắt buộc \"type\"");
  }

  @Test
  void parentCycleIsReported() {
    String broken =
        VALID.replace("    type: coQuanDang\n", "    type: coQuanDang\n    parent: soNoiVu\n");
    assertThatThrownBy(() -> load(broken))
        .hasMessageContaining("vòng lặp: bdvTU → soNoiVu → bdvTU");
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    String broken =
        VALID.replace("parent: bdvTU", "parent: khongCo").replace("role: staff", "role: boss");
    assertThatThrownBy(() -> load(broken))
        .isInstanceOfSatisfying(
            OrgRegistryException.class,
            e -> assertThat(e.problems()).hasSize(1)); // role is a shape error: checked first
    String twoReferences =
        VALID.replace("parent: bdvTU", "parent: khongCo").replace("body: soNoiVu", "body: soYTe");
    assertThatThrownBy(() -> load(twoReferences))
        .isInstanceOfSatisfying(
            OrgRegistryException.class, e -> assertThat(e.problems()).hasSize(2));
  }
}
