package vn.danvan.intake;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.danvan.intake.BodyNames.Mention;
import vn.danvan.intake.DirectiveText.Block;
import vn.danvan.intake.DirectiveText.Item;
import vn.danvan.org.OrgRegistry;

/**
 * Reads a directive's text into its record and its items (see docs/intake.md for the rules):
 *
 * <ol>
 *   <li>the record from the heading: kind, "Số: …", "…, ngày … tháng … năm …", issuer, trích yếu;
 *   <li>lines broken inside a sentence (a PDF's text layer) joined into paragraphs;
 *   <li>the numbered paragraphs ("I.", "1.", "2.1.", "a)", "-") as a tree, numbers joined by their
 *       outer levels ("III.2", "2.a"); the parts that only assess or set aims ("Mục tiêu", "Quan
 *       điểm", "Mục đích, yêu cầu"…) carry no items;
 *   <li>for each item: the bodies that lead (its subject, "X chủ trì", "giao X") and coordinate
 *       ("phối hợp với Y"), matched to the registry; its deadline phrase; its block.
 * </ol>
 *
 * Whatever looks like an obligation but cannot be placed is said in {@code unread}.
 */
public final class DirectiveReader {

  private static final String[] KINDS = {
    "CHỈ THỊ",
    "NGHỊ QUYẾT",
    "KẾ HOẠCH",
    "KẾT LUẬN",
    "CÔNG VĂN",
    "QUYẾT ĐỊNH",
    "HƯỚNG DẪN",
    "THÔNG BÁO",
    "QUY ĐỊNH",
    "CHƯƠNG TRÌNH",
    "ĐỀ ÁN",
    "QUY CHẾ"
  };
  private static final Map<String, String> KIND_CODES =
      Map.of(
          "CT",
          "CHỈ THỊ",
          "NQ",
          "NGHỊ QUYẾT",
          "KH",
          "KẾ HOẠCH",
          "KL",
          "KẾT LUẬN",
          "QĐ",
          "QUYẾT ĐỊNH",
          "HD",
          "HƯỚNG DẪN",
          "TB",
          "THÔNG BÁO",
          "CTr",
          "CHƯƠNG TRÌNH");

  private static final Pattern NUMBER =
      Pattern.compile(
          "(?m)^[\\s*]*Số\\s*:?\\s*(\\d+\\s*[-/]\\s*[A-ZĐa-z][A-ZĐa-z0-9]*(?:\\s*[-/]\\s*"
              + "[A-ZĐa-z0-9]+)*)");
  private static final Pattern DATE_LINE =
      Pattern.compile(
          "(?m)^[\\s*]*([^,\\n]{2,40}),\\s*ngày\\s+(\\d{1,2})\\s+tháng\\s+(\\d{1,2})\\s+năm\\s+"
              + "(\\d{4})");
  private static final Pattern LABEL =
      Pattern.compile(
          "^(?:[-–•+]\\s*(?=\\d{1,2}\\s*[.\\-–)]\\s))?"
              + "(?:(?<roman>[IVX]{1,5})\\s*[.\\-–/]\\s+"
              + "|(?<dec>\\d{1,2}(?:\\.\\d{1,2}){0,3})\\s*(?:[.\\-–)]|\\.-)\\s*(?=\\S)"
              + "|(?<letter>[a-zđ])\\s*[).]\\s+"
              + "|(?<bullet>[-–•+])\\s+)");
  private static final Pattern END =
      Pattern.compile("^(?:Nơi nhận|T/M|TM\\.|KT\\.|Kính gửi)", Pattern.CASE_INSENSITIVE);
  private static final Pattern CLOSING =
      Pattern.compile(
          "(?:chỉ thị|chi thị|nghị quyết|kế hoạch|kết luận|công văn|văn bản) này",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final Pattern NOT_ITEMS =
      Pattern.compile(
          "^(?:muc tieu|quan diem|muc dich|yeu cau|tinh hinh|ket qua|boi canh|danh gia tinh hinh"
              + "|danh gia ket qua|nhung ket qua|han che|nguyen nhan|bai hoc|can cu|su can thiet)");
  private static final Pattern ITEMS =
      Pattern.compile("(?:nhiem vu|giai phap|to chuc thuc hien|trach nhiem|phan cong|noi dung)");

  private static final Pattern ADHOC =
      Pattern.compile(
          "khi (?:co|xay ra|phat sinh) (?:cac |nhung )?(?:vu viec|su viec|tinh huong|diem nong"
              + "|van de)|bao cao dot xuat|dot xuat bao cao");
  private static final Pattern SKILFUL = Pattern.compile("dan van kheo");
  private static final Pattern QUOTA =
      Pattern.compile("it nhat|toi thieu|chi tieu|dang ky|moi (?:co quan|don vi|xa|dia phuong)");
  private static final Pattern EVALUATION =
      Pattern.compile("xep loai|cham diem|danh gia +(?:va +)?phan loai");
  private static final Pattern REVIEW = Pattern.compile("so ket|tong ket");
  private static final Pattern REPORT = Pattern.compile("bao cao");
  private static final Pattern DELIVERABLE =
      Pattern.compile(
          "xay dung (?:ke hoach|chuong trinh|quy che|de an|quy dinh)|ban hanh|bao cao"
              + "|to chuc (?:hoi nghi|so ket|tong ket|kiem tra|tap huan)|tham muu|huong dan"
              + "|ra soat|ke hoach thuc hien");
  private static final Pattern COORDINATE = Pattern.compile("phoi hop(?: +chat che)?(?: +voi)?");

  /** Words that may stand before the subject of a clause ("Giao", "Thủ trưởng các…"). */
  private static final Pattern LEAD_IN =
      Pattern.compile(
          "^(?:(?:giao|de nghi|yeu cau|thu truong|chu tich|lanh dao|nguoi dung dau|cac|tap the"
              + "|dong chi|va|tung|moi|hang|cung|dang doan|ban can su dang|dang uy|bi thu|cap uy"
              + "|to chuc dang|chi dao|ca|hang nam|hang quy|hang thang|dinh ky|6 thang|hang"
              + "|truoc mat|dong thoi|tiep tuc)\\s+)*$");

  /** Words that may stand between the bodies of one subject ("A, B và các C"). */
  private static final Pattern CHAIN = Pattern.compile("^(?:(?:va|cac|cung|ca|voi)\\s+)*$");

  private final OrgRegistry registry;

  public DirectiveReader(OrgRegistry registry) {
    this.registry = registry;
  }

  /** The record and the items of a directive's text. */
  public DirectiveText read(String written) {
    String text = clean(written);
    List<String> lines = List.of(text.split("\n", -1));
    String number = number(text);
    Matcher date = DATE_LINE.matcher(head(text));
    LocalDate issued = null;
    String place = null;
    if (date.find()) {
      try {
        issued =
            LocalDate.of(
                Integer.parseInt(date.group(4)),
                Integer.parseInt(date.group(3)),
                Integer.parseInt(date.group(2)));
        place = date.group(1).strip();
      } catch (DateTimeException e) {
        issued = null;
      }
    }
    int kindLine = kindLine(lines);
    String kind = kindLine >= 0 ? lines.get(kindLine).strip() : kindFrom(number, text);
    String title = title(lines, kindLine);
    String issuer = issuer(lines, kindLine, text);
    BodyNames names = new BodyNames(registry, issued, province(text), district(place, issuer));
    List<String> unread = new ArrayList<>();
    List<Item> items = items(paragraphs(lines), names, issued, unread);
    return new DirectiveText(kind, number, issued, issuer, title, items, unread);
  }

  // ---- the text --------------------------------------------------------------------------

  /** NFC, emphasis marks dropped, a heading glued to its first numbered line split from it. */
  static String clean(String written) {
    return DocumentText.normalise(written)
        .replaceAll("(?<=\\S)\\*\\*(?=\\d{1,2}\\s*[-.]\\s)", "\n\n")
        .replace("*", "")
        .replaceAll("(?m)^-{3,}\\s*$", "")
        .replace("/s/", "");
  }

  private static String head(String text) {
    return text.substring(0, Math.min(text.length(), 2500));
  }

  private static String number(String text) {
    Matcher m = NUMBER.matcher(head(text));
    return m.find() ? m.group(1).replaceAll("\\s+", "") : null;
  }

  private static int kindLine(List<String> lines) {
    for (int i = 0; i < Math.min(lines.size(), 60); i++) {
      String line = lines.get(i).strip();
      for (String kind : KINDS) {
        if (line.equals(kind)) {
          return i;
        }
      }
    }
    return -1;
  }

  private static String kindFrom(String number, String text) {
    if (number != null) {
      Matcher code = Pattern.compile("[-/]([A-Za-zĐ]+)").matcher(number);
      if (code.find() && KIND_CODES.containsKey(code.group(1))) {
        return KIND_CODES.get(code.group(1));
      }
    }
    return head(text).contains("Kính gửi") ? "CÔNG VĂN" : null;
  }

  private static String title(List<String> lines, int kindLine) {
    int from = kindLine < 0 ? 0 : kindLine + 1;
    for (int i = from; i < Math.min(lines.size(), from + 8); i++) {
      String line = lines.get(i).strip();
      if (line.matches("(?iu)^(?:về|v/v)\\b.*")) {
        StringBuilder title = new StringBuilder(line);
        for (int j = i + 1; j < lines.size() && !lines.get(j).isBlank(); j++) {
          title.append(' ').append(lines.get(j).strip());
        }
        return title.toString().replaceAll("\\s+", " ");
      }
    }
    return null;
  }

  private static String issuer(List<String> lines, int kindLine, String text) {
    StringBuilder header = new StringBuilder();
    int headerEnd = kindLine >= 0 ? kindLine : Math.min(lines.size(), 12);
    for (int i = 0; i < headerEnd; i++) {
      String line = lines.get(i).strip();
      if (line.startsWith("CỘNG HÒA")
          || line.startsWith("ĐẢNG CỘNG SẢN")
          || line.startsWith("Số")) {
        break;
      }
      if (!line.isEmpty()
          && line.equals(line.toUpperCase(Locale.ROOT))
          && !line.startsWith("CHỈ THỊ")
          && !isKind(line)) {
        header.append(header.length() > 0 ? " " : "").append(line);
      }
    }
    if (header.length() > 0) {
      return header.toString();
    }
    if (kindLine >= 0 && kindLine + 1 < lines.size()) {
      String next = lines.get(kindLine + 1).strip();
      if (next.startsWith("CỦA ")) {
        return next.substring(4);
      }
    }
    Matcher subject =
        Pattern.compile("([A-ZĐ][\\p{L} ]{3,60}?) (?:yêu cầu|chỉ thị|quyết nghị|đề nghị)")
            .matcher(text);
    String found = null;
    while (subject.find()) {
      found = subject.group(1).replaceFirst("^.*(?=Ban Thường vụ|Chủ tịch|Ủy ban|UBND)", "");
      break;
    }
    return found;
  }

  private static boolean isKind(String line) {
    for (String kind : KINDS) {
      if (line.equals(kind)) {
        return true;
      }
    }
    return false;
  }

  /** The province's own name, folded: the most written after "tỉnh" (Bình Thuận…), or null. */
  private static String province(String text) {
    Matcher m = Pattern.compile("(?iu)tỉnh (\\p{Lu}\\p{Ll}+ \\p{Lu}\\p{Ll}+)").matcher(text);
    Map<String, Integer> counts = new HashMap<>();
    String best = null;
    while (m.find()) {
      String name = m.group(1);
      if (!Character.isUpperCase(name.charAt(0))) {
        continue;
      }
      int n = counts.merge(Folded.words(name), 1, Integer::sum);
      if (best == null || n > counts.get(best)) {
        best = Folded.words(name);
      }
    }
    return best;
  }

  /** The issuing district's own name, folded, when the issuer or the place is a district. */
  private static String district(String place, String issuer) {
    if (issuer != null) {
      Matcher m = Pattern.compile("(?iu)(?:HUYỆN|THỊ XÃ|THÀNH PHỐ) (.+)$").matcher(issuer);
      if (m.find()) {
        return Folded.words(m.group(1));
      }
    }
    return place == null ? null : Folded.words(place);
  }

  /**
   * The text's paragraphs: lines broken inside a sentence joined again; a numbered line, a short
   * heading and a line after a sentence's end begin a paragraph.
   */
  static List<String> paragraphs(List<String> lines) {
    List<String> paragraphs = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    String last = "";
    for (String raw : lines) {
      String line = raw.strip();
      if (line.isEmpty()) {
        continue;
      }
      boolean starts =
          current.length() == 0
              || LABEL.matcher(line).find() && !looksLikeWrappedNumber(last, line)
              || END.matcher(line).find()
              || endsSentence(last) && !Character.isLowerCase(line.charAt(0))
              || last.length() < 60 && Character.isUpperCase(line.charAt(0))
              || isHeading(last)
              || isHeading(line);
      if (starts) {
        if (current.length() > 0) {
          paragraphs.add(current.toString());
        }
        current = new StringBuilder(line);
      } else {
        current.append(' ').append(line);
      }
      last = line;
    }
    if (current.length() > 0) {
      paragraphs.add(current.toString());
    }
    return paragraphs;
  }

  /** "… Kết luận số 01-" then "KL/TW, ngày…": the number goes on, no list begins. */
  private static boolean looksLikeWrappedNumber(String last, String line) {
    return last.endsWith("-") && !line.matches("^\\d{1,2}\\s*[.\\-–)]\\s+\\p{Lu}.*");
  }

  private static boolean endsSentence(String line) {
    return line.matches("(?s).*[.:;!?\"”)]$");
  }

  private static boolean isHeading(String line) {
    String letters = line.replaceAll("[^\\p{L}]", "");
    return letters.length() >= 4 && letters.equals(letters.toUpperCase(Locale.ROOT));
  }

  // ---- the items ---------------------------------------------------------------------------

  /** A numbered paragraph with the unnumbered ones after it, and the numbered ones under it. */
  private static final class Node {
    final String kind;
    final String label;
    String number;
    final StringBuilder text = new StringBuilder();
    final List<Node> children = new ArrayList<>();
    Node parent;
    boolean excluded;

    Node(String kind, String label) {
      this.kind = kind;
      this.label = label;
    }

    String depthKey() {
      return kind.equals("dec") ? "dec" + label.split("\\.").length : kind;
    }
  }

  private List<Item> items(
      List<String> paragraphs, BodyNames names, LocalDate issued, List<String> unread) {
    Node root = new Node("root", "");
    List<Node> stack = new ArrayList<>();
    stack.add(root);
    Node current = null;
    Map<Node, Integer> bullets = new HashMap<>();
    for (String paragraph : paragraphs) {
      if (current != null && END.matcher(paragraph).find()) {
        break;
      }
      Matcher m = LABEL.matcher(paragraph);
      if (!m.find()) {
        if (current != null && !CLOSING.matcher(paragraph).find()) {
          current.text.append('\n').append(paragraph);
        }
        continue;
      }
      String kind =
          m.group("roman") != null
              ? "roman"
              : m.group("dec") != null ? "dec" : m.group("letter") != null ? "letter" : "bullet";
      String label =
          switch (kind) {
            case "roman" -> m.group("roman");
            case "dec" -> m.group("dec");
            case "letter" -> m.group("letter");
            default -> "-";
          };
      if (current == null && !kind.equals("roman") && !kind.equals("dec")) {
        continue; // bullets of the heading ("Kính gửi: - …") or the preamble
      }
      Node node = new Node(kind, label);
      node.text.append(paragraph.substring(m.end()).strip());
      // pop to the level of the same kind, or nest under the current one
      int same = -1;
      for (int i = stack.size() - 1; i > 0; i--) {
        if (stack.get(i).depthKey().equals(node.depthKey())) {
          same = i;
          break;
        }
      }
      if (same > 0) {
        while (stack.size() > same) {
          stack.remove(stack.size() - 1);
        }
      }
      Node parent = stack.get(stack.size() - 1);
      node.parent = parent;
      if (kind.equals("bullet")) {
        int n = bullets.merge(parent, 1, Integer::sum);
        node.number = join(parent.number, "-" + n);
      } else if (kind.equals("dec") && label.contains(".")) {
        node.number = join(outerOf(parent), label);
      } else {
        node.number = join(parent.number, label);
      }
      parent.children.add(node);
      stack.add(node);
      current = node;
    }
    mark(root, false);
    List<Item> items = new ArrayList<>();
    emit(root, names, issued, items, unread);
    return items;
  }

  private static String outerOf(Node parent) {
    Node p = parent;
    while (p != null && p.kind.equals("dec")) {
      p = p.parent;
    }
    return p == null ? null : p.number;
  }

  private static String join(String outer, String label) {
    return outer == null || outer.isEmpty() ? label : outer + "." + label;
  }

  /** Marks the parts that only assess or set aims, and what is under them. */
  private static void mark(Node node, boolean excluded) {
    String start =
        Folded.words(node.text.length() > 80 ? node.text.substring(0, 80) : node.text.toString());
    node.excluded = excluded || NOT_ITEMS.matcher(start).find() && !ITEMS.matcher(start).find();
    for (Node child : node.children) {
      mark(child, node.excluded);
    }
  }

  private void emit(
      Node node, BodyNames names, LocalDate issued, List<Item> items, List<String> unread) {
    if (node.excluded) {
      return;
    }
    boolean heading =
        node.kind.equals("roman") || node.kind.equals("root") || isHeading(node.text.toString());
    boolean ownText = node.text.length() > 160 || node.children.isEmpty();
    if (!heading && ownText) {
      Item item = item(node, names, issued, unread);
      boolean bulletWithoutOwn =
          node.kind.equals("bullet")
              && item.lead().isEmpty()
              && item.bodyType() == null
              && item.deadline() == null;
      if (bulletWithoutOwn
          && !items.isEmpty()
          && node.parent != null
          && !node.parent.kind.equals("root")) {
        // a bullet without its own body or deadline belongs to the item above it
        Item above = items.remove(items.size() - 1);
        items.add(
            new Item(
                above.number(),
                above.text() + "\n- " + item.text(),
                above.block(),
                above.lead(),
                above.coordinating(),
                above.bodyType(),
                above.deadline(),
                above.notes()));
      } else {
        items.add(item);
      }
    }
    for (Node child : node.children) {
      emit(child, names, issued, items, unread);
    }
  }

  private Item item(Node node, BodyNames names, LocalDate issued, List<String> unread) {
    String text = node.text.toString().strip();
    String folded = Folded.fold(text);
    List<Mention> mentions = names.in(folded);
    Set<String> lead = new LinkedHashSet<>();
    Set<String> coordinating = new LinkedHashSet<>();
    List<String> types = new ArrayList<>();
    roles(text, folded, mentions, lead, coordinating, types);
    if (lead.isEmpty() && types.isEmpty() && node.parent != null) {
      inherit(node.parent, names, lead, types);
    }
    coordinating.removeAll(lead);
    DeadlineFinder.Result deadlines = DeadlineFinder.in(text, issued);
    List<String> notes = new ArrayList<>();
    for (String phrase : deadlines.unread()) {
      String note = "Thời hạn \"" + phrase + "\" không đọc được";
      notes.add(note);
      unread.add("Mục " + node.number + ": " + note);
    }
    String bodyType = types.isEmpty() ? null : types.get(0);
    Block block = block(folded, lead, bodyType, deadlines);
    String deadline = deadline(block, deadlines);
    if (block != Block.STANDING && lead.isEmpty() && bodyType == null) {
      String note = "Không rõ đơn vị thực hiện";
      notes.add(note);
      unread.add("Mục " + node.number + ": " + note);
    }
    return new Item(
        node.number,
        text,
        block,
        List.copyOf(lead),
        List.copyOf(coordinating),
        bodyType,
        deadline,
        notes);
  }

  /** The leads named by the headings above an item ("2. Sở Nội vụ:" then "a) Chủ trì…"). */
  private static void inherit(Node parent, BodyNames names, Set<String> lead, List<String> types) {
    for (Node p = parent; p != null && !p.kind.equals("root"); p = p.parent) {
      String text = p.text.toString();
      String folded = Folded.fold(text);
      Set<String> coordinating = new LinkedHashSet<>();
      roles(text, folded, names.in(folded), lead, coordinating, types);
      if (!lead.isEmpty() || !types.isEmpty()) {
        return;
      }
    }
  }

  /**
   * Who leads and who coordinates, clause by clause: the bodies a clause begins with (after "Giao",
   * "Đề nghị", "Thủ trưởng các…") and those before "chủ trì" lead; those after "phối hợp (với)" up
   * to the clause's next verb coordinate; bodies named otherwise (a report's recipient, a
   * document's author) are neither.
   */
  private static void roles(
      String text,
      String folded,
      List<Mention> mentions,
      Set<String> lead,
      Set<String> coordinating,
      List<String> types) {
    int clauseStart = 0;
    for (int i = 0; i <= text.length(); i++) {
      boolean end =
          i == text.length()
              || text.charAt(i) == ';'
              || text.charAt(i) == '\n'
              || text.charAt(i) == ':'
              || text.charAt(i) == '.' && (i + 1 == text.length() || text.charAt(i + 1) == ' ');
      if (!end) {
        continue;
      }
      clause(folded, clauseStart, i, mentions, lead, coordinating, types);
      clauseStart = i + 1;
    }
  }

  private static void clause(
      String folded,
      int start,
      int end,
      List<Mention> mentions,
      Set<String> lead,
      Set<String> coordinating,
      List<String> types) {
    List<Mention> in = mentions.stream().filter(m -> m.start() >= start && m.end() <= end).toList();
    if (in.isEmpty()) {
      return;
    }
    Matcher coordinate = COORDINATE.matcher(folded).region(start, end);
    int coordinateAt = coordinate.find() ? coordinate.start() : -1;
    int coordinateEnd = coordinateAt >= 0 ? coordinate.end() : -1;
    int previousEnd = start;
    boolean subject = true;
    for (Mention m : in) {
      String between = folded.substring(previousEnd, m.start()).trim().replaceAll(" +", " ");
      if (coordinateAt >= 0 && m.start() >= coordinateEnd) {
        String gap = folded.substring(coordinateEnd, m.start()).trim().replaceAll(" +", " ");
        if (gap.isEmpty()
            || gap.matches("(?:(?:cac|va|voi|ca|cung|chat che|co quan|lien quan)" + " ?)*")) {
          add(m, coordinating, types, false);
          coordinateEnd = m.end();
          previousEnd = m.end();
          continue;
        }
      }
      boolean leadIn =
          subject
              && LEAD_IN.matcher(between.isEmpty() ? "" : between + " ").matches()
              && (coordinateAt < 0 || m.start() < coordinateAt);
      String after = folded.substring(m.end(), Math.min(end, m.end() + 12)).trim();
      boolean chairs = after.startsWith("chu tri");
      boolean given = between.matches(".*\\b(?:giao|de nghi)$");
      if (leadIn || chairs || given) {
        add(m, lead, types, true);
      } else {
        subject = false;
      }
      previousEnd = m.end();
    }
  }

  private static void add(Mention m, Set<String> ids, List<String> types, boolean leading) {
    if (m.body() != null) {
      ids.add(m.body());
    } else if (leading && !types.contains(m.bodyType())) {
      types.add(m.bodyType());
    }
  }

  /** The block by the product's table (docs/intake.md), the most specific rule first. */
  private static Block block(
      String folded, Set<String> lead, String bodyType, DeadlineFinder.Result deadlines) {
    boolean cycle =
        deadlines.found().stream()
                .anyMatch(f -> f.schedule() instanceof vn.danvan.deadline.Schedule.Every)
            || folded.matches("(?s).*\\b(?:dinh ky|hang (?:thang|quy|nam)|6 thang)\\b.*");
    if (ADHOC.matcher(folded).find()) {
      return Block.ADHOC_REPORT;
    }
    if (SKILFUL.matcher(folded).find() && QUOTA.matcher(folded).find()) {
      return Block.SKILFUL_QUOTA;
    }
    if (EVALUATION.matcher(folded).find()) {
      return Block.EVALUATION;
    }
    if (REVIEW.matcher(folded).find()) {
      return Block.REVIEW_MILESTONE;
    }
    if (REPORT.matcher(folded).find() && cycle) {
      return Block.PERIODIC_REPORT;
    }
    boolean once =
        deadlines.found().stream()
            .anyMatch(f -> f.schedule() instanceof vn.danvan.deadline.Schedule.Once);
    boolean deliverable = DELIVERABLE.matcher(folded).find();
    if (!once && !deliverable) {
      return Block.STANDING;
    }
    if (bodyType != null || lead.size() > 1) {
      return Block.FANOUT;
    }
    return lead.isEmpty() && !once ? Block.STANDING : Block.ASSIGNMENT;
  }

  /** The phrase the block runs by: a cycle for reports, else the first one-off. */
  private static String deadline(Block block, DeadlineFinder.Result deadlines) {
    List<DeadlineFinder.Found> found = deadlines.found();
    if (found.isEmpty()) {
      return null;
    }
    boolean wantsCycle = block == Block.PERIODIC_REPORT || block == Block.EVALUATION;
    for (DeadlineFinder.Found f : found) {
      if (wantsCycle == f.schedule() instanceof vn.danvan.deadline.Schedule.Every) {
        return f.phrase();
      }
    }
    return found.get(0).phrase();
  }
}
