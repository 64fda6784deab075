package vn.danvan.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.danvan.support.Http;
import vn.danvan.support.Http.Download;
import vn.danvan.support.Http.Reply;
import vn.danvan.support.RunningDemoApp;
import vn.danvan.support.TestSigner;

/**
 * Files attached over REST by the demo's people, authorization on: every accepted kind, stored and
 * given back byte for byte under its Vietnamese name; every bad file refused with a Vietnamese 4xx
 * and nothing stored; another body neither sees nor adds; along the chain the leader, the
 * monitoring body and the coordinators read the result's files, and every body working under a
 * directive reads the directive's own.
 */
class AttachmentsIT extends RunningDemoApp {

  static final String API = "/api/tep-dinh-kem";
  static final String MONITOR = "bdvTUCanBo:demo";

  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;

  private String taskOf(String processInstanceId) {
    return engine
        .getTaskService()
        .createTaskQuery()
        .processInstanceId(processInstanceId)
        .singleResult()
        .getId();
  }

  private long stored() {
    return jdbc.queryForObject("select count(*) from danvan_attachment", Long.class)
        + jdbc.queryForObject("select count(*) from danvan_attachment_part", Long.class);
  }

  private Reply upload(String path, String user, String name, byte[] content) {
    return http.postPart(API + path, user, "tep", name, content);
  }

  private static String id(Reply reply) {
    return reply.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
  }

  @Test
  void everyKindIsKeptAndGivenBackByteForByteUnderItsVietnameseName() throws Exception {
    String task = taskOf(assign("soNoiVu"));
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("Báo cáo kết quả Sở Nội vụ.pdf", TestFiles.pdf(700 * 1024));
    files.put("Kế hoạch thực hiện.docx", TestFiles.docx("Kế hoạch thực hiện chỉ thị"));
    files.put("Số liệu quý IV.xlsx", TestFiles.xlsx());
    files.put("Số liệu cũ.xls", TestFiles.xls());
    files.put("Công văn cũ.doc", TestFiles.doc());
    files.put("Biên bản.odt", TestFiles.openDocument("application/vnd.oasis.opendocument.text"));
    files.put(
        "Bảng tính.ods", TestFiles.openDocument("application/vnd.oasis.opendocument.spreadsheet"));
    files.put("Ảnh hội nghị.jpg", TestFiles.image("jpg"));
    files.put("Sơ đồ.png", TestFiles.image("png"));
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      Reply sent = upload("/cong-viec/" + task, STAFF, file.getKey(), file.getValue());
      assertThat(sent.status()).as(file.getKey() + ": " + sent.body()).isEqualTo(201);
      assertThat(sent.body()).contains(file.getKey());

      Download back = http.download(API + "/" + id(sent), STAFF);
      assertThat(back.status()).isEqualTo(200);
      assertThat(back.body()).as(file.getKey()).isEqualTo(file.getValue());
      String disposition = back.header("Content-Disposition");
      assertThat(disposition).startsWith("attachment; filename=\"");
      String encoded = disposition.substring(disposition.indexOf("filename*=UTF-8''") + 17);
      assertThat(URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8))
          .isEqualTo(file.getKey());
    }
    // the PDF spans several stored parts of 256 KiB
    assertThat(
            jdbc.queryForObject(
                "select max(seq_) from danvan_attachment_part p join danvan_attachment a"
                    + " on a.id_ = p.attachment_id_ where a.task_id_ = ?",
                Integer.class,
                task))
        .isGreaterThanOrEqualTo(2);
    Reply list = http.get(API + "/cong-viec/" + task, STAFF);
    assertThat(list.status()).isEqualTo(200);
    files.keySet().forEach(name -> assertThat(list.body()).contains(name));
  }

  /**
   * A signed PDF tells who signed it, when, and whether it is unchanged since; the listing carries
   * it for every reader along the chain (signed in the test by a test certification authority).
   */
  @Test
  void aSignedPdfShowsItsSignerItsTimeAndWhetherItIsUnchanged() throws Exception {
    String task = taskOf(assign("soNoiVu"));
    TestSigner signer =
        TestSigner.authority("CA thử nghiệm tỉnh Mẫu").signer("Lê Thị Hoa", "Sở Nội vụ tỉnh Mẫu");
    byte[] signed = signer.sign(TestSigner.pdf("Bao cao so 12 ket qua thuc hien"));
    byte[] changed = TestSigner.replaced(signed, "Bao cao so 12", "Bao cao so 13");

    Reply valid = upload("/cong-viec/" + task, STAFF, "Báo cáo đã ký.pdf", signed);
    assertThat(valid.status()).as(valid.body()).isEqualTo(201);
    assertThat(valid.body())
        .contains("\"chuKySo\":\"")
        .contains("Lê Thị Hoa")
        .contains("Chữ ký hợp lệ");
    Reply edited = upload("/cong-viec/" + task, STAFF, "Báo cáo bị sửa.pdf", changed);
    assertThat(edited.status()).as(edited.body()).isEqualTo(201);
    assertThat(edited.body()).contains("Văn bản đã bị sửa sau khi ký");
    Reply plain = upload("/cong-viec/" + task, STAFF, "Chưa ký.pdf", TestFiles.pdf(10));
    assertThat(plain.body()).contains("Không có chữ ký số");
    Reply image = upload("/cong-viec/" + task, STAFF, "Ảnh.png", TestFiles.image("png"));
    assertThat(image.body()).doesNotContain("chuKySo");

    assertThat(http.get(API + "/cong-viec/" + task, STAFF).body())
        .contains("Chữ ký hợp lệ", "Văn bản đã bị sửa sau khi ký", "Không có chữ ký số");
  }

  @Test
  void badFilesAreRefusedInVietnameseAndNothingIsStored() {
    String task = taskOf(assign("soNoiVu"));
    long before = stored();
    Map<String, byte[]> bad = new LinkedHashMap<>();
    bad.put("Báo cáo.pdf", TestFiles.exe());
    bad.put("Rỗng.pdf", new byte[0]);
    bad.put("../x.pdf", TestFiles.pdf(10));
    bad.put("a/b.pdf", TestFiles.pdf(10));
    bad.put("C:\\x.pdf", TestFiles.pdf(10));
    bad.put("Bom.docx", TestFiles.docx("Bom", 12 * 1024 * 1024));
    bad.put("Báo cáo.docx", TestFiles.pdf(10));
    bad.put("Quá lớn.pdf", TestFiles.pdf(20 * 1024 * 1024));
    for (Map.Entry<String, byte[]> file : bad.entrySet()) {
      Reply refused = upload("/cong-viec/" + task, STAFF, file.getKey(), file.getValue());
      assertThat(refused.status()).as(file.getKey() + ": " + refused.body()).isBetween(400, 499);
      assertThat(refused.body())
          .as(file.getKey())
          .contains("\"type\":\"InvalidInputException\"")
          .containsPattern("[ăâđêôơưáàảãạếệốộớờủứừ]");
    }
    assertThat(upload("/cong-viec/" + task, STAFF, "Quá lớn.pdf", TestFiles.pdf(20 << 20)).body())
        .contains("quá lớn");
    assertThat(stored()).isEqualTo(before);
    assertThat(http.get(API + "/cong-viec/" + task, STAFF).body()).isEqualTo("[]");
  }

  @Test
  void aTasksFilesTogetherStayWithinTheirLimit() {
    String task = taskOf(assign("soNoiVu"));
    // files already kept for the task: 100 MB less 100 bytes (their description only)
    jdbc.update(
        "insert into danvan_attachment (id_, task_id_, proc_inst_id_, owner_groups_, name_,"
            + " mime_type_, size_, user_id_, created_) values"
            + " (?, ?, null, 'soNoiVu', 'Cũ.pdf', 'application/pdf', ?, 'soNoiVuCanBo',"
            + " current_timestamp)",
        "gioi-han-" + task,
        task,
        100L * 1024 * 1024 - 100);
    long before = stored();
    Reply refused = upload("/cong-viec/" + task, STAFF, "Thêm.pdf", TestFiles.pdf(10));
    assertThat(refused.status()).as(refused.body()).isEqualTo(413);
    assertThat(refused.body())
        .contains("Tổng dung lượng tệp đính kèm của công việc vượt quá 100 MB");
    assertThat(stored()).isEqualTo(before);
    jdbc.update("delete from danvan_attachment where id_ = ?", "gioi-han-" + task);
  }

  @Test
  void anotherBodyNeitherSeesNorAddsAndTheChainReadsTheResultsFiles() {
    String pi = assign("soNoiVu");
    String task = taskOf(pi);
    byte[] pdf = TestFiles.pdf(1000);
    String file = id(upload("/cong-viec/" + task, STAFF, "Kết quả.pdf", pdf));
    long before = stored();

    for (String other : new String[] {OTHER_STAFF, OTHER_LEADER}) {
      Reply list = http.get(API + "/cong-viec/" + task, other);
      assertThat(list.status()).as(list.body()).isEqualTo(404);
      assertThat(list.body()).contains("Không tìm thấy công việc");
      assertThat(http.download(API + "/" + file, other).status()).isEqualTo(404);
      Reply added = upload("/cong-viec/" + task, other, "Chen.pdf", pdf);
      assertThat(added.status()).isEqualTo(404);
      assertThat(added.body()).contains("không có quyền");
    }
    Reply anonymous = http.get(API + "/cong-viec/" + task, null);
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.body()).contains("Cần đăng nhập");
    // the coordinators read every directive's history; they do not report for the body
    assertThat(http.get(API + "/cong-viec/" + task, COORDINATOR).body()).contains("Kết quả.pdf");
    assertThat(upload("/cong-viec/" + task, COORDINATOR, "Chen.pdf", pdf).status()).isEqualTo(403);
    assertThat(stored()).isEqualTo(before);

    // the staff report; the leaders approving and then the monitoring body confirming read it
    assertThat(
            http.postJson(
                    "/engine-rest/task/" + task + "/complete",
                    STAFF,
                    "{\"variables\":{\"resultReport\":{\"value\":\"Đã xong, báo cáo kèm theo\"}}}")
                .status())
        .isEqualTo(204);
    assertThat(http.download(API + "/" + file, LEADER).body()).isEqualTo(pdf);
    // on the task they work on: the files of the earlier step
    String approval = taskOf(pi);
    assertThat(http.get(API + "/cong-viec/" + approval + "/truoc-do", LEADER).body())
        .contains("Kết quả.pdf");
    assertThat(http.get(API + "/cong-viec/" + approval + "/truoc-do", OTHER_LEADER).status())
        .isEqualTo(404);
    assertThat(http.download(API + "/" + file, MONITOR).status()).isEqualTo(404);
    assertThat(upload("/cong-viec/" + task, STAFF, "Muon.pdf", pdf).status()).isEqualTo(403);
    assertThat(
            http.postJson(
                    "/engine-rest/task/" + taskOf(pi) + "/complete",
                    LEADER,
                    "{\"variables\":{\"approved\":{\"value\":true}}}")
                .status())
        .isEqualTo(204);
    assertThat(http.download(API + "/" + file, MONITOR).body()).isEqualTo(pdf);
    // the body keeps reading its own files once its task is done; another body still not
    assertThat(http.get(API + "/cong-viec/" + task, STAFF).body()).contains("Kết quả.pdf");
    assertThat(http.download(API + "/" + file, OTHER_STAFF).status()).isEqualTo(404);
  }

  @Test
  void theDirectivesOwnFilesAreAddedByCoordinatorsAndReadByItsBodies() {
    String pi = assign("soNoiVu");
    byte[] docx = TestFiles.docx("Chỉ thị số 03/CT-UBND");
    Reply sent = upload("/quy-trinh/" + pi, COORDINATOR, "Chỉ thị 03-CT-UBND.docx", docx);
    assertThat(sent.status()).as(sent.body()).isEqualTo(201);
    String file = id(sent);
    assertThat(http.get(API + "/quy-trinh/" + pi, STAFF).body())
        .contains("Chỉ thị 03-CT-UBND.docx");
    assertThat(http.download(API + "/" + file, STAFF).body()).isEqualTo(docx);
    // and on the body's task, as Tasklist shows them
    assertThat(http.get(API + "/cong-viec/" + taskOf(pi) + "/van-ban", STAFF).body())
        .contains("Chỉ thị 03-CT-UBND.docx");
    assertThat(http.get(API + "/cong-viec/" + taskOf(pi) + "/van-ban", OTHER_STAFF).status())
        .isEqualTo(404);
    long before = stored();
    assertThat(http.get(API + "/quy-trinh/" + pi, OTHER_STAFF).status()).isEqualTo(404);
    assertThat(http.download(API + "/" + file, OTHER_STAFF).status()).isEqualTo(404);
    Reply staff = upload("/quy-trinh/" + pi, STAFF, "Chen.docx", docx);
    assertThat(staff.status()).isEqualTo(403);
    assertThat(staff.body()).contains("Chỉ đơn vị điều phối");
    assertThat(stored()).isEqualTo(before);
  }

  @Test
  void aWriteInTheTasklistSessionNeedsItsCsrfToken() {
    String task = taskOf(assign("soNoiVu"));
    Http session = new Http(port);
    assertThat(session.loginToWebapp("tasklist", "soNoiVuCanBo", "demo").status()).isEqualTo(200);
    assertThat(session.get(API + "/cong-viec/" + task, null).status()).isEqualTo(200);
    long before = stored();
    session.csrfHeader(false);
    Reply forged =
        session.postPart(API + "/cong-viec/" + task, null, "tep", "a.pdf", TestFiles.pdf(10));
    assertThat(forged.status()).as(forged.body()).isEqualTo(403);
    assertThat(forged.body()).contains("X-XSRF-TOKEN");
    assertThat(stored()).isEqualTo(before);
    session.csrfHeader(true);
    Reply own =
        session.postPart(API + "/cong-viec/" + task, null, "tep", "a.pdf", TestFiles.pdf(10));
    assertThat(own.status()).as(own.body()).isEqualTo(201);
  }
}
