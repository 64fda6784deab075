package vn.danvan.rehearsal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A rehearsal of a directive's lifetime: what is asked, and what comes back. */
public final class Rehearsal {

  private Rehearsal() {}

  /**
   * What the rehearsal's JVM is given: the model ({@code resourceName}, its XML), the process to
   * start ({@code key}), whether the model is checked as an administrator's deployment is ({@code
   * checked}: an uploaded file) or was already accepted by the application (a deployed definition),
   * and the application's {@code danvan.*} settings.
   */
  public record Input(
      String resourceName,
      String xml,
      String key,
      boolean checked,
      LocalDate issued,
      String number,
      Settings settings,
      Map<String, Object> properties) {}

  /**
   * The shares of the bodies' work answered late (days after the deadline) and of the bodies that
   * never answer, drawn with {@code seed}; {@code silentBodies}: those drawn.
   */
  public record Settings(
      double lateShare, double silentShare, long seed, List<String> silentBodies) {}

  /** What the rehearsal's JVM answers: a result, or why the model was refused, or why it failed. */
  public record Output(Result result, String refusal, String failure) {}

  /** What would happen to the directive, year by year. */
  public record Result(
      String key,
      String name,
      LocalDate issued,
      String number,
      double seconds,
      Settings settings,
      List<BodyYears> bodies,
      List<YearTotals> years,
      List<Incident> incidents,
      Ending ending) {

    public Result withSeconds(double wall) {
      return new Result(
          key, name, issued, number, wall, settings, bodies, years, incidents, ending);
    }
  }

  /** A body's tasks (its own and its leaders') given each year. */
  public record BodyYears(String body, String name, Map<Integer, Long> tasks, long total) {}

  /**
   * A year's totals: tasks given, reminders and chases sent (fan-outs' {@code
   * Task_RemindOpenBodies}, {@code Task_ChaseOpenBodies}), periodic reports submitted (a body's
   * work in a report period), reviews concluded (sơ kết, tổng kết), incidents.
   */
  public record YearTotals(
      int year,
      long tasks,
      long reminders,
      long chases,
      long reports,
      long reviews,
      long incidents) {}

  /** A job that failed or work that could not be answered. */
  public record Incident(String activity, String message, LocalDate date) {}

  /** How the run ended, and the work left open. */
  public record Ending(
      boolean ended, LocalDate date, String reason, long openTasks, List<OpenWork> open) {}

  /** Work left open: a body's, of one kind. */
  public record OpenWork(
      String body, String bodyName, String activity, String activityName, long count) {}
}
