package vn.danvan.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.danvan.support.Http;
import vn.danvan.support.RunningDemoApp;

/**
 * An administrator ({@code demo}, authorization on) uploads a small directive written in Word: the
 * answer names its record and items, and its draft deploys through the engine's REST API (the
 * deployment checks as for Camunda Modeler) and starts. The .bpmn file is the same draft. A staff
 * member is refused (403), nobody signed in 401, a program or a text without items 400, and nothing
 * is stored.
 */
class IntakeIT extends RunningDemoApp {

  static final String ADMIN = "demo:demo";
  static final ObjectMapper JSON = new ObjectMapper();

  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;

  /** A small directive: one assignment, one periodic report, one standing duty. */
  static final List<String> DIRECTIVE =
      List.of(
          "ỦY BAN NHÂN DÂN TỈNH MẪU",
          "Số: 21/CT-UBND",
          "Tỉnh Mẫu, ngày 10 tháng 3 năm 2027",
          "CHỈ THỊ",
          "Về tăng cường công tác dân vận chính quyền",
          "Để tăng cường công tác dân vận chính quyền, Chủ tịch Ủy ban nhân dân tỉnh yêu cầu:",
          "1. Sở Nội vụ chủ trì, phối hợp với Sở Tài chính xây dựng kế hoạch thực hiện Chỉ thị"
              + " này, hoàn thành trước ngày 30/6/2027.",
          "2. Ủy ban MTTQ Việt Nam tỉnh báo cáo kết quả thực hiện Chỉ thị hằng quý về Ủy ban nhân"
              + " dân tỉnh.",
          "3. Các cơ quan, đơn vị thường xuyên quán triệt công tác dân vận trong cán bộ, công"
              + " chức.",
          "Chỉ thị này có hiệu lực kể từ ngày ký./.");

  /** The lines as a Word document, one paragraph each (POI). */
  static byte[] docx(List<String> lines) throws Exception {
    try (XWPFDocument document = new XWPFDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      for (String line : lines) {
        document.createParagraph().createRun().setText(line);
      }
      document.write(out);
      return out.toByteArray();
    }
  }

  @Test
  void anAdministratorDraftsAModelFromAWordDirectiveDeploysAndStartsIt() throws Exception {
    String key = "chiThi21Intake" + System.nanoTime() % 1_000_000;
    byte[] word = docx(DIRECTIVE);
    Http.Reply reply =
        http.postPart("/api/soan-thao", ADMIN, "file", "chi-thi-21.docx", word, "key", key);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    JsonNode draft = JSON.readTree(reply.body());
    assertThat(draft.get("key").asText()).isEqualTo(key);
    assertThat(draft.at("/record/number").asText()).isEqualTo("21/CT-UBND");
    assertThat(draft.at("/record/issued").asText()).isEqualTo("10/03/2027");
    List<String> numbers = new ArrayList<>();
    List<String> elements = new ArrayList<>();
    for (JsonNode item : draft.get("items")) {
      numbers.add(item.get("number").asText());
      if (!item.get("element").isNull()) {
        elements.add(item.get("element").asText());
      }
      assertThat(item.get("blockName").asText()).isNotBlank();
    }
    assertThat(numbers).startsWith("1", "2");
    assertThat(elements).contains("CallActivity_Item_1");
    JsonNode first = draft.get("items").get(0);
    assertThat(first.get("block").asText()).isEqualTo("ASSIGNMENT");
    assertThat(first.at("/lead/0/id").asText()).isEqualTo("soNoiVu");
    assertThat(first.at("/lead/0/name").asText()).isEqualTo("Sở Nội vụ");
    assertThat(first.get("deadline").asText()).isEqualTo("hoàn thành trước ngày 30/6/2027");
    String bpmn = draft.get("bpmn").asText();
    assertThat(bpmn).contains("camunda:modelerTemplate=\"vn.danvan.block.assignment\"");
    // nothing stored by reading
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(key).count())
        .isZero();

    // the .bpmn file is the same draft
    Http.Reply file =
        http.postPart("/api/soan-thao.bpmn", ADMIN, "file", "chi-thi-21.docx", word, "key", key);
    assertThat(file.status()).isEqualTo(200);
    assertThat(file.body()).isEqualTo(bpmn);

    // deployed as Camunda Modeler deploys (the checks answer), then started
    Http.Reply deployed =
        http.postPart(
            "/engine-rest/deployment/create",
            ADMIN,
            key + ".bpmn",
            key + ".bpmn",
            bpmn.getBytes(StandardCharsets.UTF_8),
            "deployment-name",
            key,
            "deployment-source",
            "Soạn thảo từ văn bản");
    assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(key).count()).isOne();
    Http.Reply started =
        http.postJson(
            "/engine-rest/process-definition/key/" + key + "/start",
            ADMIN,
            "{\"businessKey\":\"21/CT-UBND-"
                + key
                + "\",\"variables\":{\"issuedDate\":{\"value\":\"2027-03-10\"}}}");
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String instance = JSON.readTree(started.body()).get("id").asText();
    assertThat(runtime.createProcessInstanceQuery().superProcessInstanceId(instance).count())
        .isEqualTo(elements.size());
  }

  @Test
  void onlyAdministratorsDraftAndBadFilesAreRefusedInVietnamese() throws Exception {
    byte[] word = docx(DIRECTIVE);
    Http.Reply staff = http.postPart("/api/soan-thao", STAFF, "file", "ct.docx", word);
    assertThat(staff.status()).as(staff.body()).isEqualTo(403);
    assertThat(staff.body()).contains("Chỉ quản trị hệ thống");
    Http.Reply anonymous = http.postPart("/api/soan-thao", null, "file", "ct.docx", word);
    assertThat(anonymous.status()).isEqualTo(401);
    Http.Reply program =
        http.postPart(
            "/api/soan-thao",
            ADMIN,
            "file",
            "caiDat.exe",
            new byte[] {
              'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xff, (byte) 0xff
            });
    assertThat(program.status()).as(program.body()).isEqualTo(400);
    assertThat(program.body()).contains("không phải văn bản đọc được");
    Http.Reply noItems =
        http.postPart(
            "/api/soan-thao",
            ADMIN,
            "file",
            "thu.txt",
            "Kính gửi các đơn vị: xin cảm ơn.".getBytes(StandardCharsets.UTF_8));
    assertThat(noItems.status()).as(noItems.body()).isEqualTo(400);
    assertThat(noItems.body()).contains("Không tìm thấy mục nào");
    Http.Reply noFile = http.postJson("/api/soan-thao", ADMIN, "{}");
    assertThat(noFile.status()).as(noFile.body()).isEqualTo(400);
    Http.Reply badKey =
        http.postPart("/api/soan-thao", ADMIN, "file", "ct.docx", word, "key", "1 sai mã");
    assertThat(badKey.status()).as(badKey.body()).isEqualTo(400);
    assertThat(badKey.body()).contains("Mã mô hình");
  }
}
