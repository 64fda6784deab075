package vn.danvan.org;

import java.sql.Date;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import vn.danvan.deadline.Deadlines;
import vn.danvan.engine.ClusterLock;
import vn.danvan.input.Inputs;
import vn.danvan.input.InvalidInputException;
import vn.danvan.org.OrgRegistry.Body;

/**
 * Changes to the organisation while the application runs: a body ended by an administrator (end
 * date, successors), the registry file read again, and the endings whose day has come applied, that
 * is the ended bodies' open work moved to their heirs ({@link BodyMoves}).
 *
 * <p>An ending declared over REST is kept in {@code danvan_body_ending} and laid over the file's
 * {@code validTo} and {@code successors} of that body, at every start and every reload, on every
 * node (each reads the table again every minute). Every change is checked first and refused whole,
 * with nothing changed, when it would leave a cycle of successors, a successor that has itself
 * ended, or a body removed from the file that still holds open work.
 */
@Service
public class Restructuring {

  private static final Logger LOG = LoggerFactory.getLogger(Restructuring.class);

  private final OrgRegistry registry;
  private final OrgProperties properties;
  private final ResourceLoader resources;
  private final IdentitySync sync;
  private final BodyMoves moves;
  private final Deadlines deadlines;
  private final DataSource dataSource;
  private final JdbcTemplate jdbc;

  /** The registry as the file says, before the endings of the table are laid over it. */
  private volatile OrgRegistry fromFile;

  Restructuring(
      OrgRegistry registry,
      OrgProperties properties,
      ResourceLoader resources,
      IdentitySync sync,
      BodyMoves moves,
      Deadlines deadlines,
      DataSource dataSource) {
    this.registry = registry;
    this.properties = properties;
    this.resources = resources;
    this.sync = sync;
    this.moves = moves;
    this.deadlines = deadlines;
    this.dataSource = dataSource;
    this.jdbc = new JdbcTemplate(dataSource);
    this.fromFile =
        new OrgRegistry(
            registry.source(),
            registry.endedBodyPolicy(),
            registry.bodyTypes(),
            registry.bodies(),
            registry.people());
  }

  /** An ending: the last day the body exists, and who takes over (the first takes the work). */
  public record Ending(String body, LocalDate validTo, List<String> successors) {}

  /**
   * What ending a body did or, for a dry run, would do.
   *
   * @param heir the body that receives its open work
   * @param movesNow whether the work moves now (the end date has passed) or on the day after it
   * @param work open work found (a dry run) or moved
   */
  public record Outcome(
      String body,
      String bodyName,
      String validTo,
      List<String> successors,
      String heir,
      String heirName,
      boolean dryRun,
      boolean movesNow,
      BodyMoves.Report work) {}

  /** Ends a body (an administrator, over REST); a dry run changes nothing. */
  public synchronized Outcome end(
      String id,
      LocalDate validTo,
      List<String> successors,
      boolean dryRun,
      String reason,
      String by) {
    Body body =
        registry
            .body(id)
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "Đơn vị \"" + id + "\" không có trong sổ đăng ký tổ chức (body)"));
    if (validTo == null) {
      throw new InvalidInputException(
          "Ngày kết thúc là bắt buộc: ngày cuối cùng đơn vị hoạt động"
              + " (validTo, dd/mm/yyyy hoặc yyyy-MM-dd)");
    }
    if (successors.isEmpty()) {
      throw new InvalidInputException(
          "Cần ít nhất một đơn vị kế thừa nhận việc của đơn vị \"" + id + "\" (successors)");
    }
    for (String successor : successors) {
      if (registry.body(successor).isEmpty()) {
        throw new InvalidInputException(
            "Đơn vị kế thừa \"" + successor + "\" không có trong sổ đăng ký tổ chức (successors)");
      }
    }
    if (body.validFrom() != null && validTo.isBefore(body.validFrom())) {
      throw new InvalidInputException(
          "Ngày kết thúc "
              + Inputs.day(validTo)
              + " trước ngày đơn"
              + " vị bắt đầu hoạt động "
              + Inputs.day(body.validFrom())
              + " (validTo)");
    }
    OrgRegistry changed = registry.withBodies(List.of(body.endedOn(validTo, successors)));
    refuseProblems(changed);
    LocalDate today = deadlines.today();
    boolean movesNow = today.isAfter(validTo);
    String heir =
        changed
            .heirOn(successors.get(0), validTo.plusDays(1))
            .map(Body::id)
            .orElse(successors.get(0));
    if (movesNow) {
      heir =
          changed
              .heirOn(successors.get(0), today)
              .map(Body::id)
              .orElseThrow(
                  () ->
                      new InvalidInputException(
                          "Đơn vị kế thừa \""
                              + successors.get(0)
                              + "\" và các đơn vị kế thừa của nó đều đã kết thúc: chọn đơn vị còn"
                              + " hoạt động (successors)"));
    }
    String why =
        reason == null || reason.isBlank()
            ? "đơn vị kết thúc hoạt động sau ngày " + Inputs.day(validTo)
            : reason.trim();
    BodyMoves.Report work;
    if (dryRun) {
      List<BodyMoves.Holding> holdings = moves.holdings(id);
      work =
          new BodyMoves.Report(
              id,
              heir,
              holdings.size(),
              holdings.stream().mapToInt(h -> h.openTasks().size()).sum(),
              holdings.stream().mapToInt(h -> h.variables().size()).sum(),
              moves.notices(id),
              0,
              0,
              holdings);
    } else {
      save(new Ending(id, validTo, successors), by);
      registry.replaceWith(changed);
      LOG.info("Đơn vị {} kết thúc sau ngày {}; kế thừa: {} ({})", id, validTo, successors, by);
      work = movesNow ? moves.move(id, heir, why, by) : null;
    }
    return new Outcome(
        id,
        body.name(),
        Inputs.day(validTo),
        successors,
        heir,
        changed.name(heir),
        dryRun,
        movesNow,
        work);
  }

  /** What reading the registry file again changed. */
  public record Reload(
      String source,
      int bodies,
      int people,
      String identityChanges,
      List<BodyMoves.Report> moved) {}

  /** Reads the registry file again and puts it in force (with the endings of the table). */
  public synchronized Reload reload(String by) {
    OrgRegistry loaded = OrgRegistryLoader.load(resources.getResource(properties.registry()));
    OrgRegistry changed = overlaid(loaded);
    refuseProblems(changed);
    List<String> holding = new ArrayList<>();
    for (Body body : registry.bodies()) {
      if (changed.body(body.id()).isEmpty()) {
        int open = moves.holdings(body.id()).size() + moves.notices(body.id());
        if (open > 0) {
          holding.add("\"" + body.id() + "\" (" + body.name() + "): " + open + " hồ sơ đang mở");
        }
      }
    }
    if (!holding.isEmpty()) {
      throw new InvalidInputException(
          "Không tải lại sổ đăng ký tổ chức: tệp bỏ đơn vị còn việc đang mở; hãy cho đơn vị kết"
              + " thúc (validTo, successor) để chuyển việc, rồi mới xóa: "
              + String.join("; ", holding));
    }
    IdentitySync.Report identity;
    try (ClusterLock lock = ClusterLock.acquire(dataSource, ClusterLock.Purpose.REGISTRY_SYNC)) {
      identity = sync.sync(changed, properties.initialPassword());
    } catch (SQLException e) {
      throw new IllegalStateException("Không khóa được đồng bộ sổ tổ chức: " + e.getMessage(), e);
    }
    fromFile = loaded;
    registry.replaceWith(changed);
    LOG.info("Đã tải lại sổ đăng ký tổ chức {} ({})", loaded.source(), by);
    List<BodyMoves.Report> moved = applyDue(by);
    return new Reload(
        loaded.source(),
        changed.bodies().size(),
        changed.people().size(),
        identity.toString(),
        moved);
  }

  /**
   * Moves the open work of every body ended by today to its heir. Runs at start-up, after each
   * change, and every night just after midnight (Asia/Ho_Chi_Minh), one node at a time.
   */
  public synchronized List<BodyMoves.Report> applyDue(String by) {
    List<BodyMoves.Report> reports = new ArrayList<>();
    try (ClusterLock lock = ClusterLock.acquire(dataSource, ClusterLock.Purpose.RESTRUCTURE)) {
      LocalDate today = deadlines.today();
      for (Body body : registry.bodies()) {
        if (!body.hasEndedBy(today)) {
          continue;
        }
        Body heir = registry.heirOn(body.id(), today).orElse(null);
        if (heir == null) {
          if (!moves.holdings(body.id()).isEmpty()) {
            LOG.warn(
                "Đơn vị {} đã kết thúc ngày {} nhưng không có đơn vị kế thừa còn hoạt động:"
                    + " việc đang mở của nó chưa chuyển được",
                body.id(),
                body.validTo());
          }
          continue;
        }
        BodyMoves.Report report =
            moves.move(
                body.id(),
                heir.id(),
                "đơn vị kết thúc hoạt động sau ngày " + Inputs.day(body.validTo()),
                by);
        if (!report.empty()) {
          reports.add(report);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Không khóa được việc chuyển giao: " + e.getMessage(), e);
    }
    return reports;
  }

  /** Every night: endings whose day has come. */
  @Scheduled(cron = "${danvan.org.endings-cron:0 5 0 * * *}", zone = "Asia/Ho_Chi_Minh")
  void nightly() {
    refresh();
    applyDue(null);
  }

  /** The endings of the table, laid over the file again (another node may have added one). */
  @Scheduled(fixedDelayString = "${danvan.org.endings-refresh:PT1M}", initialDelay = 60_000)
  public synchronized void refresh() {
    OrgRegistry changed = overlaid(fromFile);
    if (!changed.bodies().equals(registry.bodies())) {
      registry.replaceWith(changed);
    }
  }

  /** The endings declared over REST. */
  public List<Ending> endings() {
    return jdbc.query(
        "select body_, valid_to_, successors_ from danvan_body_ending order by body_",
        (row, i) ->
            new Ending(
                row.getString(1),
                row.getDate(2).toLocalDate(),
                Arrays.stream(row.getString(3).split(","))
                    .map(String::trim)
                    .filter(s -> !s.isEmpty())
                    .toList()));
  }

  /** A moved piece of work, as recorded. */
  public record Move(
      String movedAt,
      String from,
      String to,
      String processInstanceId,
      String processDefinitionKey,
      String businessKey,
      int tasks,
      int variables,
      int notices,
      String reason,
      String by) {}

  /** The record of moves from or to a body (all when null), newest first, at most 500. */
  public List<Move> movesOf(String body) {
    String sql =
        "select moved_at_, from_body_, to_body_, proc_inst_id_, proc_def_key_, business_key_,"
            + " tasks_, variables_, notices_, reason_, decided_by_ from danvan_body_move"
            + (body == null ? "" : " where from_body_ = ? or to_body_ = ?")
            + " order by moved_at_ desc fetch first 500 rows only";
    Object[] args = body == null ? new Object[0] : new Object[] {body, body};
    return jdbc.query(
        sql,
        (row, i) ->
            new Move(
                row.getTimestamp(1).toInstant().atZone(Deadlines.ZONE).toLocalDateTime().toString(),
                row.getString(2),
                row.getString(3),
                row.getString(4),
                row.getString(5),
                row.getString(6),
                row.getInt(7),
                row.getInt(8),
                row.getInt(9),
                row.getString(10),
                row.getString(11)),
        args);
  }

  private OrgRegistry overlaid(OrgRegistry file) {
    List<Body> ended = new ArrayList<>();
    for (Ending ending : endings()) {
      file.body(ending.body())
          .ifPresent(b -> ended.add(b.endedOn(ending.validTo(), ending.successors())));
    }
    return ended.isEmpty() ? file : file.withBodies(ended);
  }

  private static void refuseProblems(OrgRegistry changed) {
    List<String> problems = new ArrayList<>();
    for (Body body : changed.bodies()) {
      for (String successor : body.successors()) {
        if (changed.body(successor).isEmpty()) {
          problems.add(
              "đơn vị kế thừa \""
                  + successor
                  + "\" của \""
                  + body.id()
                  + "\" không có trong sổ đăng ký tổ chức");
        }
      }
    }
    problems.addAll(OrgRegistryLoader.checkSuccessors(changed.bodies()));
    if (!problems.isEmpty()) {
      throw new InvalidInputException(
          "Không thay đổi được tổ chức: "
              + String.join("; ", problems).replaceAll("dòng \\d+: ", "")
              + " (successors)");
    }
  }

  private void save(Ending ending, String by) {
    Date validTo = Date.valueOf(ending.validTo());
    String successors = String.join(",", ending.successors());
    Timestamp at = Timestamp.from(Instant.now());
    int updated =
        jdbc.update(
            "update danvan_body_ending set valid_to_ = ?, successors_ = ?,"
                + " decided_by_ = ?, decided_at_ = ? where body_ = ?",
            validTo,
            successors,
            by,
            at,
            ending.body());
    if (updated == 0) {
      jdbc.update(
          "insert into danvan_body_ending (body_, valid_to_, successors_, decided_by_,"
              + " decided_at_) values (?, ?, ?, ?, ?)",
          ending.body(),
          validTo,
          successors,
          by,
          at);
    }
  }
}
