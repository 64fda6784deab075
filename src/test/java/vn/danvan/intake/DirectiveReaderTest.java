package vn.danvan.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.io.ClassPathResource;
import vn.danvan.intake.DirectiveText.Block;
import vn.danvan.intake.DirectiveText.Item;
import vn.danvan.org.OrgRegistry;
import vn.danvan.org.OrgRegistryLoader;

/** Small texts, one rule each: the record, the items, their blocks, bodies and deadlines. */
class DirectiveReaderTest {

  static final OrgRegistry DEMO =
      OrgRegistryLoader.load(new ClassPathResource("org/demo-province.yaml"));

  static final String HEAD =
      """
      TỈNH ỦY TỈNH MẪU
      Số: 24-CT/TU
      Tỉnh Mẫu, ngày 12 tháng 7 năm 2023

      CHỈ THỊ
      về tăng cường công tác dân vận

      Ban Thường vụ Tỉnh ủy yêu cầu các cấp ủy thực hiện tốt các nội dung sau:

      """;

  static DirectiveText read(String items) {
    return new DirectiveReader(DEMO).read(HEAD + items);
  }

  static Item only(String item) {
    List<Item> items = read("1. " + item + "\n").items();
    assertThat(items).hasSize(1);
    return items.get(0);
  }

  @Test
  void readsTheRecord() {
    DirectiveText text = read("1. Sở Nội vụ xây dựng kế hoạch trước ngày 30/9/2023.\n");
    assertThat(text.kind()).isEqualTo("CHỈ THỊ");
    assertThat(text.number()).isEqualTo("24-CT/TU");
    assertThat(text.issued()).isEqualTo(LocalDate.of(2023, 7, 12));
    assertThat(text.issuer()).isEqualTo("TỈNH ỦY TỈNH MẪU");
    assertThat(text.title()).isEqualTo("về tăng cường công tác dân vận");
  }

  @Test
  void theTitleEndsWhereTheItemsBeginWithoutABlankLine() {
    DirectiveText text =
        new DirectiveReader(DEMO)
            .read(
                "ỦY BAN NHÂN DÂN TỈNH\nSố: 9/CT-UBND\nTỉnh Mẫu, ngày 10 tháng 3 năm 2027\n"
                    + "CHỈ THỊ\nVề công tác dân vận\n"
                    + "1. Sở Nội vụ chủ trì xây dựng kế hoạch, hoàn thành trước ngày 30/6/2027.\n"
                    + "2. Các sở, ban, ngành báo cáo kết quả hằng quý.\n");
    assertThat(text.title()).isEqualTo("Về công tác dân vận");
    assertThat(text.items()).extracting(Item::number).containsExactly("1", "2");
  }

  @ParameterizedTest(name = "{1}: {0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Sở Nội vụ xây dựng kế hoạch thực hiện trước ngày 30/9/2023.          | ASSIGNMENT
          Các sở, ban, ngành xây dựng kế hoạch thực hiện trước ngày 30/9/2023. | FANOUT
          Sở Nội vụ báo cáo kết quả thực hiện hằng quý.                         | PERIODIC_REPORT
          Sở Nội vụ tham mưu sơ kết 3 năm thực hiện Chỉ thị vào quý III/2025.   | REVIEW_MILESTONE
          Mỗi cơ quan, đơn vị xây dựng ít nhất một mô hình "Dân vận khéo".      | SKILFUL_QUOTA
          Sở Nội vụ tham mưu đánh giá, xếp loại công tác dân vận hằng năm.      | EVALUATION
          Khi có vụ việc phức tạp, Sở Nội vụ báo cáo ngay Thường trực Tỉnh ủy.  | ADHOC_REPORT
          Sở Nội vụ thường xuyên quan tâm công tác dân vận chính quyền.         | STANDING
          Đài PT-TH tỉnh và Báo Tỉnh Mẫu mở chuyên mục về người tốt việc tốt.   | FANOUT
          Tỉnh Đoàn tổ chức tọa đàm với thanh niên công nhân.                   | ASSIGNMENT
          """)
  void blockByTheTable(String item, Block block) {
    assertThat(only(item).block()).isEqualTo(block);
  }

  @Test
  void bodiesByAbbreviationNameAndType() {
    Item item =
        only(
            "UBND tỉnh chủ trì, phối hợp với Ủy ban MTTQ Việt Nam tỉnh, Báo Tỉnh Mẫu xây dựng"
                + " kế hoạch trước ngày 30/9/2023.");
    assertThat(item.lead()).containsExactly("ubndTinh");
    assertThat(item.coordinating()).containsExactly("mttqTinh", "baoTinh");
    Item types = only("UBND các xã, phường, đặc khu xây dựng kế hoạch trước ngày 30/9/2023.");
    assertThat(types.lead()).isEmpty();
    assertThat(types.bodyType()).isEqualTo("xa");
    assertThat(types.bodyTypes()).containsExactly("xa", "phuong", "dacKhu");
    assertThat(types.block()).isEqualTo(Block.FANOUT);
  }

  @Test
  void leadIsTheSubjectOrWhoChairsNotARecipient() {
    Item given =
        only(
            "Giao Ban Tổ chức Tỉnh ủy chủ trì, phối hợp với Sở Nội vụ tham mưu ban hành quy định;"
                + " báo cáo Ban Thường vụ Tỉnh ủy trước ngày 15/12/2023.");
    assertThat(given.lead()).containsExactly("btcTU");
    assertThat(given.coordinating()).containsExactly("soNoiVu");
    assertThat(given.deadline()).isEqualTo("trước ngày 15/12/2023");
  }

  @Test
  void prefersTheBodiesInForceOnTheIssueDate() {
    // issued 2023: the Ban Tuyên giáo Tỉnh ủy still exists; "Ban Dân vận" is the merged ban
    Item item = only("Ban Tuyên giáo Tỉnh ủy phối hợp với Ban Dân vận Tỉnh ủy ban hành hướng dẫn.");
    assertThat(item.lead()).containsExactly("btgTU");
    assertThat(item.coordinating()).containsExactly("bdvTU");
  }

  @Test
  void anEndedBodyIsReadAsItsSuccessorInForce() {
    String text =
        HEAD.replace("năm 2023", "năm 2026")
            + "1. Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với Sở Thông tin và Truyền thông ban"
            + " hành hướng dẫn.\n";
    Item item = new DirectiveReader(DEMO).read(text).items().get(0);
    assertThat(item.lead()).containsExactly("bdvTU");
    assertThat(item.coordinating()).containsExactly("soKHCN");
  }

  @Test
  void numbersJoinTheirOuterLevelsAndAimsCarryNoItems() {
    DirectiveText text =
        read(
            """
            I. MỤC ĐÍCH, YÊU CẦU
            1. Nâng cao nhận thức của cán bộ, đảng viên về công tác dân vận.
            II. TỔ CHỨC THỰC HIỆN
            1. Sở Nội vụ xây dựng kế hoạch trước ngày 30/9/2023.
            2. Trách nhiệm các địa phương:
            a) UBND các xã báo cáo kết quả hằng quý.
            """);
    assertThat(text.items()).extracting(Item::number).containsExactly("II.1", "II.2.a");
    assertThat(text.items().get(1).block()).isEqualTo(Block.PERIODIC_REPORT);
    assertThat(text.items().get(1).deadline()).isEqualTo("hằng quý");
  }

  @Test
  void clausesWithWorkOfTheirOwnAreEntriesOfTheSameNumber() {
    List<Item> items =
        read("1. Sở Nội vụ xây dựng kế hoạch thực hiện trước ngày 30/9/2023; tham mưu đánh giá,"
                + " xếp loại hằng năm; tham mưu tổng kết vào quý IV/2025.\n")
            .items();
    assertThat(items).extracting(Item::number).containsOnly("1");
    assertThat(items)
        .extracting(Item::block)
        .containsExactly(Block.ASSIGNMENT, Block.EVALUATION, Block.REVIEW_MILESTONE);
    assertThat(items).extracting(Item::lead).containsOnly(List.of("soNoiVu"));
    assertThat(items)
        .extracting(Item::deadline)
        .containsExactly("trước ngày 30/9/2023", "hằng năm", "quý IV/2025");
  }

  @Test
  void aPlansFormNamesWhoLeadsWhoHelpsAndByWhen() {
    Item item =
        read("""
        1. Tổ chức hội nghị quán triệt Chỉ thị cho cán bộ chủ chốt.
        - Đơn vị chủ trì: Ban Tổ chức Tỉnh ủy.
        - Đơn vị phối hợp: Sở Nội vụ, Báo tỉnh.
        - Thời gian: Trong quý IV/2023.
        """)
            .items()
            .get(0);
    assertThat(item.block()).isEqualTo(Block.ASSIGNMENT);
    assertThat(item.lead()).containsExactly("btcTU");
    assertThat(item.coordinating()).containsExactly("soNoiVu", "baoTinh");
    assertThat(item.deadline()).isEqualTo("Trong quý IV/2023");
  }

  @Test
  void aCycleAndItsDayWrittenApartReadAsOne() {
    Item item = only("Hằng năm, Sở Nội vụ báo cáo kết quả về UBND tỉnh trước ngày 15/10.");
    assertThat(item.block()).isEqualTo(Block.PERIODIC_REPORT);
    assertThat(item.deadline()).isEqualTo("trước ngày 15/10 hằng năm");
  }

  @Test
  void aDateOfAnotherDocumentIsNoDeadline() {
    Item item =
        only(
            "Sở Nội vụ thực hiện tốt Quyết định số 217-QĐ/TW, ngày 12/12/2013 của Bộ Chính trị"
                + " và ban hành kế hoạch.");
    assertThat(item.deadline()).isNull();
  }

  @Test
  void whatLooksLikeADeadlineButDoesNotReadIsSaid() {
    DirectiveText text =
        read("1. Sở Nội vụ ban hành kế hoạch, hoàn thành trước ngày 31/02/2024.\n");
    Item item = text.items().get(0);
    assertThat(item.deadline()).isNull();
    assertThat(item.notes()).singleElement().asString().contains("31/02/2024");
    assertThat(text.unread()).singleElement().asString().startsWith("Mục 1").contains("31/02");
  }

  @Test
  void workWithoutABodyIsSaid() {
    DirectiveText text = read("1. Xây dựng kế hoạch thực hiện trước ngày 30/9/2023.\n");
    assertThat(text.unread()).singleElement().asString().contains("Không rõ đơn vị");
  }

  @Test
  void aClauseThatOnlySaysWhenGoesWithTheWorkBeforeIt() {
    Item item =
        only(
            "Sở Nội vụ chủ trì, phối hợp với Ban Tổ chức Tỉnh ủy tham mưu chấm điểm công tác dân"
                + " vận các xã; hoàn thành trước ngày 20/12/2023.");
    assertThat(item.block()).isEqualTo(Block.EVALUATION);
    assertThat(item.deadline()).isEqualTo("hoàn thành trước ngày 20/12/2023");
  }

  @Test
  void twoMilestonesWithTheirOwnDatesAreTwoEntries() {
    List<Item> items =
        read("1. Ban Dân vận Tỉnh ủy tham mưu sơ kết 03 năm vào quý II/2026; tham mưu tổng kết"
                + " 10 năm thực hiện Chỉ thị vào năm 2033.\n")
            .items();
    assertThat(items).extracting(Item::block).containsOnly(Block.REVIEW_MILESTONE);
    assertThat(items).extracting(Item::deadline).containsExactly("quý II/2026", "năm 2033");
  }

  @Test
  void aGuideOnCriteriaIsNoEvaluationAfterWhoChairsEither() {
    Item item =
        only(
            "Sở Nội vụ chủ trì, phối hợp với Ban Dân vận Tỉnh ủy hướng dẫn bộ tiêu chí chấm điểm"
                + " dân vận chính quyền, ban hành trước ngày 30/11/2023.");
    assertThat(item.block()).isEqualTo(Block.ASSIGNMENT);
    Item cycle = only("Hướng dẫn cách tổng hợp, báo cáo kết quả hằng quý của các xã.");
    assertThat(cycle.deadline()).isNull();
  }

  @Test
  void subItemsKeepTheHeadingsHelpers() {
    List<Item> items =
        read("1. Ban Dân vận Tỉnh ủy chủ trì, phối hợp với Ban Tổ chức Tỉnh ủy theo dõi việc"
                + " thực hiện:\na) Tham mưu tổ chức hội nghị sơ kết vào tháng 12/2024.\n")
            .items();
    assertThat(items).extracting(Item::number).containsExactly("1.a");
    assertThat(items.get(0).lead()).containsExactly("bdvTU");
    assertThat(items.get(0).coordinating()).containsExactly("btcTU");
  }

  @Test
  void aHeadingThatDirectsLeavesTheWorkToTheTypeDirected() {
    List<Item> items =
        read("1. Ban cán sự đảng UBND tỉnh lãnh đạo UBND tỉnh:\na) Chỉ đạo UBND các huyện niêm"
                + " yết công khai quy trình tiếp công dân; hằng năm tổ chức hội nghị đối thoại"
                + " với thanh niên.\n")
            .items();
    assertThat(items).extracting(Item::block).containsExactly(Block.STANDING, Block.FANOUT);
    assertThat(items).extracting(Item::lead).containsOnly(List.of());
    assertThat(items).extracting(Item::bodyTypes).containsOnly(List.of("huyen"));
    assertThat(items.get(1).deadline()).isEqualTo("hằng năm");
  }

  @Test
  void eachTypeWithItsCountOfModelsIsAQuotaSharingTheRegistrationDate() {
    List<Item> items =
        read("1. Thi đua \"Dân vận khéo\": từng sở, ban, ngành tỉnh có tối thiểu 02 mô hình;"
                + " các huyện, thị xã, thành phố mỗi năm xây dựng ít nhất 05 mô hình, đăng ký với"
                + " Ban Dân vận Tỉnh ủy trước ngày 15/11/2023.\n")
            .items();
    assertThat(items).extracting(Item::block).containsOnly(Block.SKILFUL_QUOTA);
    assertThat(items).extracting(Item::bodyTypes).containsExactly(List.of("so"), List.of("huyen"));
    assertThat(items).extracting(Item::deadline).containsOnly("trước ngày 15/11/2023");
  }

  @Test
  void watchingAndReportingWhenACaseArisesIsOneDuty() {
    Item item =
        only(
            "Thanh tra tỉnh theo dõi chặt chẽ các đoàn đông người; khi xảy ra vụ việc nổi cộm,"
                + " báo cáo ngay Thường trực Tỉnh ủy.");
    assertThat(item.block()).isEqualTo(Block.ADHOC_REPORT);
    assertThat(item.lead()).containsExactly("thanhTraTinh");
  }

  @Test
  void theClosingFormulaOnDifficultiesIsNoItem() {
    List<Item> items =
        read("1. Sở Nội vụ xây dựng kế hoạch trước ngày 30/9/2023.\nTrong quá trình triển khai,"
                + " nếu phát sinh khó khăn, vướng mắc, các đơn vị báo cáo về Sở Nội vụ.\n")
            .items();
    assertThat(items).hasSize(1);
    assertThat(items.get(0).block()).isEqualTo(Block.ASSIGNMENT);
  }

  @Test
  void aDueDateWinsOverThePeriodAReviewCovers() {
    Item item =
        only(
            "UBND các huyện sơ kết 6 tháng đầu năm công tác dân vận, gửi báo cáo về Sở Nội vụ"
                + " chậm nhất ngày 20/6/2024.");
    assertThat(item.block()).isEqualTo(Block.REVIEW_MILESTONE);
    assertThat(item.deadline()).isEqualTo("chậm nhất ngày 20/6/2024");
  }

  @Test
  void commonAbbreviationsOfBodies() {
    Item item =
        only(
            "Đề nghị UBMTTQ Việt Nam tỉnh chủ trì, phối hợp với Sở NV, Đài PTTH tỉnh tổ chức tọa"
                + " đàm trước ngày 30/11/2023.");
    assertThat(item.lead()).containsExactly("mttqTinh");
    assertThat(item.coordinating()).containsExactly("soNoiVu", "daiPTTH");
    assertThat(only("UBMTTQ tỉnh tổ chức hội nghị trước ngày 30/11/2023.").lead())
        .containsExactly("mttqTinh");
  }

  @Test
  void aHeadingNamedByAbbreviationLeadsItsSubItems() {
    List<Item> items =
        read("1. Sở NV có trách nhiệm:\na) Hướng dẫn các địa phương lập hồ sơ trước ngày"
                + " 31/10/2023.\nb) Chủ trì, phối hợp với Thanh tra tỉnh tổ chức kiểm tra trong"
                + " quý IV/2023.\n")
            .items();
    assertThat(items).extracting(Item::lead).containsOnly(List.of("soNoiVu"));
    assertThat(items.get(1).coordinating()).containsExactly("thanhTraTinh");
  }

  @Test
  void withWhoChairsCungVoiNamesTheHelpers() {
    Item item =
        only(
            "Giao Sở Nội vụ chủ trì, cùng với Báo tỉnh biên soạn tài liệu hỏi đáp, phát hành"
                + " trong tháng 10/2023.");
    assertThat(item.lead()).containsExactly("soNoiVu");
    assertThat(item.coordinating()).containsExactly("baoTinh");
  }

  @Test
  void helpersTheRegistryLacksDoNotEndTheListOfHelpers() {
    Item item =
        only(
            "Sở Tài chính chủ trì, phối hợp với Kho bạc Nhà nước khu vực, Sở Nội vụ và Cục Thuế"
                + " tỉnh, Hội Nông dân tỉnh rà soát kinh phí, xong trước 31/10/2023.");
    assertThat(item.lead()).containsExactly("soTaiChinh");
    assertThat(item.coordinating()).containsExactly("soNoiVu", "hoiNongDanTinh");
  }

  @Test
  void theBodyLedAndDirectedDoesTheWork() {
    Item item =
        only(
            "Ban Thường vụ Tỉnh ủy lãnh đạo, chỉ đạo Thanh tra tỉnh kiểm tra việc giải quyết đơn"
                + " thư tồn đọng, xong trước 31/12/2023.");
    assertThat(item.lead()).containsExactly("thanhTraTinh");
  }

  @Test
  void bodiesAskedToWorkTogetherLeadWhenNoneChairs() {
    Item item =
        only(
            "Đề nghị Hội Nông dân tỉnh, UBMTTQ tỉnh phối hợp giám sát việc chi trả hỗ trợ, báo"
                + " cáo kết quả trước ngày 15/12/2023.");
    assertThat(item.lead()).containsExactly("hoiNongDanTinh", "mttqTinh");
  }

  @Test
  void helpersNamedInBracketsAfterWhoChairs() {
    Item item =
        only(
            "Tổ chức hội nghị đối thoại với hộ kinh doanh trong quý IV/2023 (Sở Nội vụ chủ trì;"
                + " Sở Tài chính, Báo tỉnh phối hợp).");
    assertThat(item.lead()).containsExactly("soNoiVu");
    assertThat(item.coordinating()).containsExactly("soTaiChinh", "baoTinh");
    // without anyone chairing, who "phối hợp" is the subject
    Item alone = only("Các sở, ban, ngành tỉnh xây dựng kế hoạch trước ngày 30/9/2023 và phối hợp");
    assertThat(alone.bodyTypes()).containsExactly("so");
    assertThat(alone.coordinating()).isEmpty();
  }

  @Test
  void keepingAFirmGraspAndReportingWhenACaseArisesIsOneDuty() {
    Item item =
        only(
            "Thanh tra tỉnh chủ trì, cùng với Sở Nội vụ nắm chắc tình hình an ninh nông thôn; khi"
                + " có vụ việc phức tạp, báo cáo ngay UBND tỉnh.");
    assertThat(item.block()).isEqualTo(Block.ADHOC_REPORT);
    assertThat(item.lead()).containsExactly("thanhTraTinh");
    assertThat(item.coordinating()).containsExactly("soNoiVu");
  }

  @Test
  void aYearBeforeAReviewIsItsDue() {
    List<Item> items =
        read("1. Sở Nội vụ tham mưu UBND tỉnh năm 2025 sơ kết 02 năm thực hiện Chỉ thị; năm 2028"
                + " tổng kết, đề xuất nhiệm vụ mới.\n")
            .items();
    assertThat(items).extracting(Item::block).containsOnly(Block.REVIEW_MILESTONE);
    assertThat(items).extracting(Item::deadline).containsExactly("năm 2025", "năm 2028");
  }

  @Test
  void aDayOfTheMonthWrittenAfterTheCycle() {
    Item item = only("UBND các huyện báo cáo tiến độ giải ngân hằng tháng, chậm nhất ngày 22.");
    assertThat(item.block()).isEqualTo(Block.PERIODIC_REPORT);
    assertThat(item.deadline()).isEqualTo("trước ngày 22 hằng tháng");
  }

  @Test
  void theFirstHalfAndTheWholeYearIsAHalfYearlyReport() {
    Item item =
        only(
            "Sở Nội vụ tổng hợp, báo cáo Thường trực Tỉnh ủy kết quả thực hiện 6 tháng đầu năm và"
                + " cả năm.");
    assertThat(item.block()).isEqualTo(Block.PERIODIC_REPORT);
    assertThat(item.deadline()).isEqualTo("6 tháng");
  }

  @Test
  void twoReportsEachWithItsOwnCycle() {
    List<Item> items =
        read("1. Các sở, ban, ngành báo cáo tiến độ hằng quý, trước ngày 18 tháng cuối quý; báo"
                + " cáo tổng hợp cả năm gửi trước ngày 05/12 hằng năm về Sở Nội vụ.\n")
            .items();
    assertThat(items).extracting(Item::block).containsOnly(Block.PERIODIC_REPORT);
    assertThat(items).hasSize(2);
    assertThat(items.get(1).deadline()).isEqualTo("trước ngày 05/12 hằng năm");
  }

  @Test
  void aRegistrationDateAfterParallelQuotasIsTheirs() {
    List<Item> items =
        read("1. Phong trào thi đua \"Dân vận khéo\": mỗi xã, thị trấn xây dựng ít nhất 01 mô"
                + " hình; Sở Nội vụ, Sở Tài chính mỗi đơn vị ít nhất 02 mô hình. Hồ sơ đăng ký gửi"
                + " về Ban Dân vận Tỉnh ủy trước ngày 30/9/2023.\n")
            .items();
    assertThat(items).extracting(Item::block).containsOnly(Block.SKILFUL_QUOTA);
    assertThat(items).extracting(Item::deadline).containsOnly("trước ngày 30/9/2023");
  }

  @Test
  void theFrontOfAVillageIsNotTheProvinces() {
    Item village =
        only(
            "UBND các xã phối hợp với Mặt trận Tổ quốc và các đoàn thể ở khu dân cư tổ chức đối"
                + " thoại với Nhân dân trước ngày 30/9/2023.");
    assertThat(village.coordinating()).isEmpty();
    Item province =
        only(
            "UBND các xã phối hợp với Mặt trận Tổ quốc và các đoàn thể tỉnh tổ chức đối thoại với"
                + " Nhân dân trước ngày 30/9/2023.");
    assertThat(province.coordinating()).containsExactly("mttqTinh");
  }

  @Test
  void thePartiesOfAJointRuleLeadAndHelp() {
    Item two =
        only(
            "Ký kết chương trình phối hợp giữa Sở Nội vụ và Liên đoàn Lao động tỉnh về vận động"
                + " công nhân trong quý IV/2023.");
    assertThat(two.lead()).containsExactly("soNoiVu");
    assertThat(two.coordinating()).containsExactly("ldldTinh");
    Item levels =
        only(
            "Sửa đổi quy chế phối hợp giữa Ủy ban nhân dân với các đoàn thể chính trị - xã hội các"
                + " cấp trước ngày 31/12/2023.");
    assertThat(levels.lead()).containsExactly("ubndTinh");
    assertThat(levels.bodyTypes()).containsExactly("huyen", "xa");
  }

  @Test
  void aShortNameTheTextDefinesIsTheBodyNamedBeforeIt() {
    DirectiveText text =
        new DirectiveReader(DEMO)
            .read(
                "TỈNH ỦY TỈNH MẪU\nSố 3-HD/BTGDVTU\nTỉnh Mẫu, ngày 10 tháng 3 năm 2026\n\n"
                    + "HƯỚNG DẪN\nvề công tác dân vận\n\n"
                    + "Ban Tuyên giáo và Dân vận Tỉnh ủy (sau đây gọi tắt là Ban) hướng dẫn như"
                    + " sau; UBND các xã, phường, đặc khu (sau đây gọi chung là UBND cơ sở) thực"
                    + " hiện các nội dung sau:\n\n"
                    + "1. Đài Phát thanh và Truyền hình tỉnh phối hợp với Ban sản xuất phóng sự"
                    + " trước ngày 30/9/2026.\n"
                    + "2. Ban Tổ chức Tỉnh ủy xây dựng kế hoạch kiểm tra trước ngày 30/9/2026.\n"
                    + "3. UBND cơ sở xây dựng kế hoạch tiếp dân trước ngày 30/6/2026.\n");
    List<Item> items = text.items();
    assertThat(items.get(0).coordinating()).containsExactly("bdvTU");
    assertThat(items.get(1).lead()).containsExactly("btcTU");
    assertThat(items.get(2).bodyTypes()).containsExactly("xa", "phuong", "dacKhu");
  }

  @Test
  void bodiesNamedAloneBeforeASemicolonAreTheSubjectOfTheWorkAfter() {
    Item item =
        only(
            "Sở Nội vụ, Sở Tài chính; Liên đoàn Lao động tỉnh và Hội Nông dân tỉnh báo cáo kết"
                + " quả hằng quý.");
    assertThat(item.block()).isEqualTo(Block.PERIODIC_REPORT);
    assertThat(item.lead()).containsExactly("soNoiVu", "soTaiChinh", "ldldTinh", "hoiNongDanTinh");
  }

  @Test
  void aResultReportedByADateMakesTheWorkBeforeItADeliverable() {
    Item item =
        only(
            "Giao Sở Tài chính chỉ đạo kiểm tra việc công khai ngân sách xã; kết quả gửi Ủy ban"
                + " nhân dân tỉnh trước ngày 15/11/2023.");
    assertThat(item.block()).isEqualTo(Block.ASSIGNMENT);
    assertThat(item.lead()).containsExactly("soTaiChinh");
    assertThat(item.deadline()).isEqualTo("trước ngày 15/11/2023");
  }

  @Test
  void theFirstHalfOfAGivenYearIsNoCycle() {
    Item item =
        only(
            "Sở Nội vụ rà soát quy chế dân chủ ở cơ quan, báo cáo UBND tỉnh trong 6 tháng đầu năm"
                + " 2024.");
    assertThat(item.block()).isEqualTo(Block.ASSIGNMENT);
    assertThat(item.deadline()).isEqualTo("trong 6 tháng đầu năm 2024");
  }

  @Test
  void aRegistrationWithABodyAfterAQuotaIsTheQuotas() {
    Item item =
        only(
            "Hội Liên hiệp Phụ nữ tỉnh, Tỉnh đoàn mỗi đơn vị xây dựng ít nhất 01 mô hình \"Dân vận"
                + " khéo\"; đăng ký tại Sở Nội vụ chậm nhất ngày 30/9/2023.");
    assertThat(item.block()).isEqualTo(Block.SKILFUL_QUOTA);
    assertThat(item.deadline()).isEqualTo("chậm nhất ngày 30/9/2023");
  }

  @Test
  void aLabelledDateMakesTheWorkADeliverable() {
    Item item =
        only("Sở Nội vụ hướng dẫn các xã kiện toàn tổ dân vận; thời gian hoàn thành: 15/12/2023.");
    assertThat(item.block()).isEqualTo(Block.ASSIGNMENT);
    assertThat(item.deadline()).isEqualTo("hạn 15/12/2023");
  }

  @Test
  void aSecondWorkOfTheSameKindInOneClause() {
    List<Item> reviews =
        read("1. Sở Nội vụ tham mưu sơ kết 01 năm vào quý III/2024 và tổ chức tổng kết 03 năm"
                + " thực hiện Chỉ thị vào quý IV/2026.\n")
            .items();
    assertThat(reviews).extracting(Item::block).containsOnly(Block.REVIEW_MILESTONE);
    assertThat(reviews).hasSize(2);
    assertThat(reviews.get(1).deadline()).contains("2026");
    List<Item> reports =
        read("1. Các sở báo cáo tiến độ hằng quý và báo cáo năm trước ngày 10/12/2023 về Sở Nội"
                + " vụ.\n")
            .items();
    assertThat(reports).extracting(Item::block).containsOnly(Block.PERIODIC_REPORT);
    assertThat(reports).hasSize(2);
    assertThat(reports.get(1).deadline()).isEqualTo("trước ngày 10/12 hằng năm");
  }

  @Test
  void aHalfYearAndAYearEachWithItsDay() {
    Item item =
        only(
            "Các sở báo cáo kết quả 6 tháng (chậm nhất ngày 15/6) và năm (chậm nhất ngày 15/12)"
                + " về Sở Nội vụ.");
    assertThat(item.block()).isEqualTo(Block.PERIODIC_REPORT);
    assertThat(item.deadline()).isEqualTo("trước ngày 15/6 và 15/12 hằng năm");
  }

  @Test
  void theAddresseesDoNotTakeWorkWhoseSubjectTheRegistryLacks() {
    DirectiveText text =
        new DirectiveReader(DEMO)
            .read(
                "TỈNH ỦY TỈNH MẪU\nSố: 7-CT/TU\nTỉnh Mẫu, ngày 12 tháng 7 năm 2023\n\n"
                    + "CHỈ THỊ\nvề công tác dân vận\n\n"
                    + "Ban Thường vụ Tỉnh ủy yêu cầu Sở Nội vụ, Mặt trận Tổ quốc và các đoàn thể"
                    + " thực hiện tốt các nội dung sau:\n\n"
                    + "1. Các cấp ủy, tổ chức đảng quán triệt sâu sắc Chỉ thị này.\n"
                    + "2. Xây dựng kế hoạch thực hiện trước ngày 30/9/2023.\n");
    assertThat(text.items().get(0).lead()).isEmpty();
    // a provincial text: "Mặt trận Tổ quốc" is the province's
    assertThat(text.items().get(1).lead()).containsExactly("soNoiVu", "mttqTinh");
  }

  @Test
  void theHeadsOfSeveralTypesAreOneSubject() {
    Item item =
        only(
            "Giám đốc các sở, ban, ngành và Chủ tịch UBND các huyện, thị xã, thành phố tổ chức đối"
                + " thoại với Nhân dân trước ngày 30/11/2023.");
    assertThat(item.bodyTypes()).containsExactly("so", "huyen");
  }
}
