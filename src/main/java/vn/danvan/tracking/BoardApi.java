package vn.danvan.tracking;

import static vn.danvan.variable.SharedVariables.SUMMARY;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.danvan.document.Downloads;
import vn.danvan.engine.DirectiveModels;
import vn.danvan.input.InvalidInputException;
import vn.danvan.org.OrgRegistry;
import vn.danvan.org.Role;
import vn.danvan.security.Callers;

/**
 * The board over HTTP, for the Cockpit plugin (the webapp's session) and for API clients (HTTP
 * Basic): {@code GET /api/bang-theo-doi?vanBan=NQ-DV-BG-2016&ky=2026-Q4} (JSON) and {@code
 * /api/bang-theo-doi/bieu-tong-hop.xlsx} (the summary sheet, same figures), {@code
 * /api/bang-theo-doi/qua-han} (the overdue work per directive). Coordinators and administrators see
 * every body; a body's leaders see their own body's rows; anyone else 403.
 */
@RestController
@RequestMapping("/api/bang-theo-doi")
class BoardApi {

  private final ProcessEngine engine;
  private final Board board;
  private final OrgRegistry registry;

  BoardApi(ProcessEngine engine, Board board, OrgRegistry registry) {
    this.engine = engine;
    this.board = board;
    this.registry = registry;
  }

  @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> view(
      HttpServletRequest request,
      @RequestParam(required = false) String vanBan,
      @RequestParam(required = false) String ky) {
    Predicate<String> visible = reader(request);
    if (visible == null) {
      return denied(request);
    }
    return ResponseEntity.ok(board.of(directive(vanBan), period(ky), visible));
  }

  /** The directives one can open a board of (models of processes/directives/), newest first. */
  @GetMapping(value = "/van-ban", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> directives(HttpServletRequest request) {
    if (reader(request) == null) {
      return denied(request);
    }
    return ResponseEntity.ok(directiveList());
  }

  /**
   * The overdue work per directive (of the bodies the reader sees, due in the period {@code ky} if
   * given), in the order of {@code /van-ban}: {@code [{"vanBan", "ten", "quaHan"}]}.
   */
  @GetMapping(value = "/qua-han", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> overdue(HttpServletRequest request, @RequestParam(required = false) String ky) {
    Predicate<String> visible = reader(request);
    if (visible == null) {
      return denied(request);
    }
    ReportPeriod period = period(ky);
    List<Map<String, Object>> directives = directiveList();
    Map<String, Integer> overdue =
        board.overdueByDirective(
            directives.stream().map(d -> (String) d.get("vanBan")).distinct().toList(),
            period,
            visible);
    return ResponseEntity.ok(
        directives.stream()
            .map(
                d ->
                    Map.<String, Object>of(
                        "vanBan", d.get("vanBan"),
                        "ten", d.get("ten"),
                        "quaHan", overdue.get((String) d.get("vanBan"))))
            .toList());
  }

  /**
   * The directives: root instances, with a number, of the models whose start runs the directive's
   * start checks ({@link DirectiveModels}), newest first, each with its trích yếu for searching.
   */
  private List<Map<String, Object>> directiveList() {
    RepositoryService repository = engine.getRepositoryService();
    String[] keys =
        repository.createProcessDefinitionQuery().list().stream()
            .filter(d -> DirectiveModels.isDirective(repository, d))
            .map(ProcessDefinition::getKey)
            .distinct()
            .toArray(String[]::new);
    if (keys.length == 0) {
      return List.of();
    }
    List<HistoricProcessInstance> instances =
        engine
            .getHistoryService()
            .createHistoricProcessInstanceQuery()
            .processDefinitionKeyIn(keys)
            .rootProcessInstances()
            .orderByProcessInstanceStartTime()
            .desc()
            .list()
            .stream()
            .filter(p -> p.getBusinessKey() != null)
            .toList();
    Map<String, String> summaries = new HashMap<>();
    if (!instances.isEmpty()) {
      engine
          .getHistoryService()
          .createHistoricVariableInstanceQuery()
          .variableName(SUMMARY)
          .processInstanceIdIn(
              instances.stream().map(HistoricProcessInstance::getId).toArray(String[]::new))
          .disableCustomObjectDeserialization()
          .list()
          .forEach(v -> summaries.put(v.getProcessInstanceId(), String.valueOf(v.getValue())));
    }
    return instances.stream()
        .map(
            p -> {
              Map<String, Object> directive = new LinkedHashMap<>();
              directive.put("vanBan", p.getBusinessKey());
              directive.put("ten", String.valueOf(p.getProcessDefinitionName()));
              directive.put("trichYeu", summaries.getOrDefault(p.getId(), ""));
              directive.put("processInstanceId", p.getId());
              return directive;
            })
        .toList();
  }

  @GetMapping("/bieu-tong-hop.xlsx")
  ResponseEntity<?> sheet(
      HttpServletRequest request,
      @RequestParam(required = false) String vanBan,
      @RequestParam(required = false) String ky)
      throws IOException {
    Predicate<String> visible = reader(request);
    if (visible == null) {
      return denied(request);
    }
    Board.View view = board.of(directive(vanBan), period(ky), visible);
    byte[] xlsx = SummarySheet.write(view);
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, Downloads.contentDisposition("bieu-tong-hop.xlsx"))
        .contentType(
            MediaType.parseMediaType(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
        .body(xlsx);
  }

  /** A directive's number (business key) that some process was started with. */
  private String directive(String vanBan) {
    if (vanBan == null || vanBan.isBlank()) {
      throw new InvalidInputException("Số văn bản (mã nghiệp vụ) là bắt buộc (vanBan)");
    }
    String number = vanBan.trim();
    if (engine
            .getHistoryService()
            .createHistoricProcessInstanceQuery()
            .processInstanceBusinessKey(number)
            .count()
        == 0) {
      throw new InvalidInputException(
          "Không có văn bản \""
              + number
              + "\": chưa có việc nào được giao theo số văn bản này (vanBan)");
    }
    return number;
  }

  private static ReportPeriod period(String ky) {
    return ky == null || ky.isBlank() ? null : ReportPeriod.parse(ky);
  }

  /** Which bodies the reader sees; null when not signed in or not allowed. */
  private Predicate<String> reader(HttpServletRequest request) {
    String user = user(request);
    if (user == null) {
      return null;
    }
    boolean admin =
        engine
                .getIdentityService()
                .createGroupQuery()
                .groupMember(user)
                .groupId(Role.ADMIN.groupId())
                .count()
            > 0;
    if (admin) {
      return body -> true;
    }
    OrgRegistry.Person person =
        registry.people().stream().filter(p -> p.id().equals(user)).findFirst().orElse(null);
    if (person == null) {
      return null;
    }
    return switch (person.role()) {
      case COORDINATOR, ADMIN -> body -> true;
      // a body's leaders also read the history of the bodies it took over from
      case LEADER -> {
        java.util.Set<String> own = new java.util.HashSet<>(registry.predecessorsOf(person.body()));
        own.add(person.body());
        yield own::contains;
      }
      default -> null;
    };
  }

  /** The reader: the webapp's session (Cockpit), else HTTP Basic; null if neither. */
  private String user(HttpServletRequest request) {
    return Callers.user(request, engine);
  }

  private ResponseEntity<Map<String, Object>> denied(HttpServletRequest request) {
    boolean signedIn = user(request) != null;
    return ResponseEntity.status(signedIn ? HttpStatus.FORBIDDEN : HttpStatus.UNAUTHORIZED)
        .body(
            Map.of(
                "type",
                signedIn ? "AuthorizationException" : "AuthenticationException",
                "message",
                signedIn
                    ? "Chỉ đơn vị điều phối và lãnh đạo đơn vị xem được bảng theo dõi"
                    : "Cần đăng nhập (HTTP Basic hoặc phiên Cockpit)"));
  }

  /** The "biểu tổng hợp": one row per body, the same figures as the board. */
  static final class SummarySheet {

    static final List<WorkStatus> COLUMNS = List.of(WorkStatus.values());

    static byte[] write(Board.View view) throws IOException {
      try (XSSFWorkbook book = new XSSFWorkbook();
          ByteArrayOutputStream out = new ByteArrayOutputStream()) {
        Sheet sheet = book.createSheet("Biểu tổng hợp");
        CellStyle bold = book.createCellStyle();
        Font font = book.createFont();
        font.setBold(true);
        bold.setFont(font);
        Row title = sheet.createRow(0);
        title
            .createCell(0)
            .setCellValue("BIỂU TỔNG HỢP TÌNH HÌNH THỰC HIỆN VĂN BẢN " + view.directive());
        title.getCell(0).setCellStyle(bold);
        sheet.createRow(1).createCell(0).setCellValue("Kỳ: " + view.periodLabel());
        Row head = sheet.createRow(3);
        head.createCell(0).setCellValue("Đơn vị");
        head.createCell(1).setCellValue("Tổng số nhiệm vụ");
        for (int c = 0; c < COLUMNS.size(); c++) {
          head.createCell(2 + c).setCellValue(COLUMNS.get(c).label());
        }
        head.createCell(2 + COLUMNS.size()).setCellValue("Tỷ lệ đúng hạn (%)");
        head.createCell(3 + COLUMNS.size()).setCellValue("Số lần bị đôn đốc");
        head.forEach(cell -> cell.setCellStyle(bold));
        int r = 4;
        for (Board.BodyFigures body : view.bodies()) {
          Row row = sheet.createRow(r++);
          row.createCell(0).setCellValue(body.label());
          row.createCell(1).setCellValue(body.total());
          for (int c = 0; c < COLUMNS.size(); c++) {
            row.createCell(2 + c).setCellValue(body.counts().get(COLUMNS.get(c)));
          }
          if (body.onTimeRate() != null) {
            row.createCell(2 + COLUMNS.size()).setCellValue(body.onTimeRate());
          }
          row.createCell(3 + COLUMNS.size()).setCellValue(body.chases());
        }
        Row total = sheet.createRow(r);
        total.createCell(0).setCellValue("Cộng");
        total
            .createCell(1)
            .setCellValue(view.bodies().stream().mapToInt(Board.BodyFigures::total).sum());
        for (int c = 0; c < COLUMNS.size(); c++) {
          WorkStatus status = COLUMNS.get(c);
          total
              .createCell(2 + c)
              .setCellValue(view.bodies().stream().mapToInt(b -> b.counts().get(status)).sum());
        }
        total
            .createCell(3 + COLUMNS.size())
            .setCellValue(view.bodies().stream().mapToInt(Board.BodyFigures::chases).sum());
        total.forEach(cell -> cell.setCellStyle(bold));
        sheet.setColumnWidth(0, 60 * 256);
        if (!view.figures().isEmpty()) {
          figures(book.createSheet("Số liệu báo cáo"), view, bold);
        }
        book.write(out);
        return out.toByteArray();
      }
    }

    /**
     * The figures of every report round with figures: a block per round, one column per figure, one
     * row per body, then the totals ("Cộng").
     */
    static void figures(Sheet sheet, Board.View view, CellStyle bold) {
      Row title = sheet.createRow(0);
      title.createCell(0).setCellValue("SỐ LIỆU BÁO CÁO ĐỊNH KỲ, VĂN BẢN " + view.directive());
      title.getCell(0).setCellStyle(bold);
      int r = 2;
      for (Board.FigureRound round : view.figures()) {
        Row label = sheet.createRow(r++);
        label.createCell(0).setCellValue("Báo cáo " + round.periodLabel());
        label.getCell(0).setCellStyle(bold);
        Row head = sheet.createRow(r++);
        head.createCell(0).setCellValue("Đơn vị");
        for (int c = 0; c < round.figures().size(); c++) {
          head.createCell(1 + c).setCellValue(round.figures().get(c).heading());
        }
        head.forEach(cell -> cell.setCellStyle(bold));
        for (ReportFigures.Row body : round.rows()) {
          Row row = sheet.createRow(r++);
          row.createCell(0).setCellValue(body.bodyName());
          for (int c = 0; c < round.figures().size(); c++) {
            Long value = body.values().get(round.figures().get(c).key());
            if (value != null) {
              row.createCell(1 + c).setCellValue(value);
            }
          }
        }
        Row total = sheet.createRow(r++);
        total.createCell(0).setCellValue("Cộng (" + round.rows().size() + " đơn vị)");
        for (int c = 0; c < round.figures().size(); c++) {
          total.createCell(1 + c).setCellValue(round.totals().get(round.figures().get(c).key()));
        }
        total.forEach(cell -> cell.setCellStyle(bold));
        r++;
      }
      sheet.setColumnWidth(0, 50 * 256);
    }
  }
}
