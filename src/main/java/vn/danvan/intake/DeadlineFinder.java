package vn.danvan.intake;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.danvan.deadline.DeadlinePhrases;
import vn.danvan.deadline.Schedule;
import vn.danvan.input.InvalidInputException;

/**
 * The deadline phrases of an item's text: from each word that may begin one ("trước", "trong
 * tháng", "hằng quý", "quý III/2020"…), the longest run of words the product's phrase reader
 * ({@link DeadlinePhrases}) reads, within the sentence. A date that names another document ("số
 * 2898-QĐ/TU, ngày 17/7/2013 của…") is no deadline. What looks like a deadline but does not read is
 * returned apart, to be noted.
 */
final class DeadlineFinder {

  /** A phrase as written at {@code [start, end)} of the text, and what it reads as. */
  record Found(int start, int end, String phrase, Schedule schedule) {}

  /** The phrases read and the deadline-like wordings not read, in the text's order. */
  record Result(List<Found> found, List<String> unread) {}

  private static final int MAX_WORDS = 12;

  /** Folded words a deadline phrase begins with. */
  private static final Pattern START =
      Pattern.compile(
          "(?:truoc|han|cham nhat|hoan thanh truoc|den ngay|den het|den nam|het nam|cuoi nam"
              + "|trong (?:thang|quy|nam|6 thang|sau thang|\\d|vong|thoi han|tuan)"
              + "|vao (?:thang|quy|ngay)|cuoi (?:thang|quy)|tu nam|hang (?:thang|quy|nam|6 thang)"
              + "|moi (?:thang|quy|nam)|dinh ky|quy (?:i|ii|iii|iv|[1-4]) |thang \\d|6 thang"
              + "|sau thang|tuan dau|ngay \\d|(?:trong )?giai doan \\d|(?<=vao )nam \\d{4}"
              + "|nam \\d{4}(?= +(?:to chuc +)?(?:so ket|tong ket)))");

  /** Folded wording that announces a deadline ("trước ngày …", "thời hạn …", "chậm nhất …"). */
  private static final Pattern LIKE =
      Pattern.compile(
          "(?:truoc ngay|cham nhat|han chot|thoi han|thoi gian hoan thanh|hoan thanh truoc"
              + "|xong truoc|truoc thang|truoc quy)\\s+[^.;\\n]{0,40}");

  /** A date after a label and its colon: "thời hạn hoàn thành: 31/10/2026". */
  private static final Pattern LABELLED =
      Pattern.compile("\\b(?:thoi han|thoi gian)(?: hoan thanh| thuc hien)? *  +(?=\\d)");

  private static final Pattern DATE = Pattern.compile("\\d{1,2}/\\d{1,2}/\\d{4}");

  private static final Pattern REFERENCE_AFTER = Pattern.compile("^\\s*,?\\s*(?:cua|ve|tai) ");
  private static final Pattern REFERENCE_BEFORE =
      Pattern.compile("(?:so\\s*\\d+[^.;]{0,25}|ban hanh|ky)\\s*$");

  private DeadlineFinder() {}

  static Result in(String text, LocalDate issued) {
    String folded = Folded.fold(text);
    LocalDate day = issued == null ? LocalDate.of(2000, 1, 1) : issued;
    List<Found> candidates = new ArrayList<>();
    Matcher start = START.matcher(folded);
    int from = 0;
    while (from < folded.length() && start.find(from)) {
      int s = start.start();
      from = s + 1;
      if (s > 0 && Character.isLetterOrDigit(folded.charAt(s - 1))) {
        continue;
      }
      Found longest = longestAt(text, folded, s, day);
      if (longest != null && !namesDocument(folded, longest)) {
        candidates.add(longest);
      }
    }
    Matcher labelled = LABELLED.matcher(folded);
    while (labelled.find()) {
      Matcher date = DATE.matcher(text).region(labelled.end(), text.length());
      if (date.lookingAt()) {
        // read as "hạn 31/10/2026", the label's own words
        String phrase = "hạn " + date.group();
        try {
          candidates.add(
              new Found(labelled.start(), date.end(), phrase, DeadlinePhrases.parse(phrase, day)));
        } catch (InvalidInputException notRead) {
          // left to the unread wordings
        }
      }
    }
    candidates.sort(
        Comparator.comparingInt((Found f) -> f.end() - f.start())
            .reversed()
            .thenComparingInt(Found::start));
    List<Found> found = new ArrayList<>();
    for (Found c : candidates) {
      if (found.stream().noneMatch(f -> c.start() < f.end() && f.start() < c.end())) {
        found.add(c);
      }
    }
    found.sort(Comparator.comparingInt(Found::start));
    List<String> unread = new ArrayList<>();
    Matcher like = LIKE.matcher(folded);
    while (like.find()) {
      int s = like.start();
      int e = like.end();
      boolean covered = found.stream().anyMatch(f -> f.start() < e && s < f.end());
      String written = text.substring(s, like.end()).strip();
      if (!covered && written.matches(".*\\d.*")) {
        unread.add(written);
      }
    }
    return new Result(found, unread);
  }

  private static Found longestAt(String text, String folded, int s, LocalDate day) {
    Found best = null;
    int end = s;
    for (int words = 0; words < MAX_WORDS && end < text.length(); words++) {
      int next = end + 1;
      while (next < text.length() && !Character.isWhitespace(text.charAt(next))) {
        next++;
      }
      String run = text.substring(s, next);
      if (run.matches("(?s).*[.;:\\n(].*\\S.*")) {
        break; // a phrase stays within its sentence
      }
      String phrase = run.strip().replaceAll("[.,;)]+$", "");
      if (!phrase.isEmpty()) {
        try {
          Schedule schedule = DeadlinePhrases.parse(phrase, day);
          best = new Found(s, s + phrase.length(), phrase, schedule);
        } catch (InvalidInputException notRead) {
          // longer runs may still read
        }
      }
      end = next;
    }
    return best;
  }

  /**
   * A date of another document: "số 24-CT/TU, ngày 27/02/2018 của …", "ký ngày …"; not a date the
   * work is due by ("trước ngày …", "chậm nhất ngày …").
   */
  private static boolean namesDocument(String folded, Found found) {
    String after = folded.substring(found.end(), Math.min(folded.length(), found.end() + 8));
    String before = folded.substring(Math.max(0, found.start() - 40), found.start());
    boolean isDate =
        found.phrase().matches("(?iu).*\\d{1,2}\\s*/\\s*\\d{1,2}\\s*/\\s*\\d{4}.*")
            || found.phrase().matches("(?iu).*ngày \\d.*");
    // "gửi trước ngày 10/12 hằng năm về UBND tỉnh": a date the work is due by names no document
    boolean due =
        folded.startsWith("truoc", found.start()) || folded.startsWith("cham nhat", found.start());
    return isDate
        && !due
        && (REFERENCE_AFTER.matcher(after).find() || REFERENCE_BEFORE.matcher(before).find());
  }
}
