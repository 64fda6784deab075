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
import vn.danvan.deadline.DeadlinePhrases;
import vn.danvan.deadline.Schedule;
import vn.danvan.input.InvalidInputException;
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
          "(?:chỉ thị|chi thị|nghị quyết|kế hoạch|kết luận|công văn|văn bản) này"
              // "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, … phản ánh về …"
              + "|^trong quá trình (?:tổ chức )?(?:thực hiện|triển khai)[^.]{0,80}"
              + "(?:khó khăn|vướng mắc)",
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

  /** "Dân vận khéo" as work to do: models to build, the movement to carry out. */
  private static final Pattern SKILFUL =
      Pattern.compile(
          "(?:xay dung|thuc hien|day manh|dang ky|nhan rong|trien khai|huong dan)[^.;]{0,80}"
              + "dan van kheo|(?:mo hinh|dien hinh)[^.;]{0,40}dan van kheo");

  private static final String COUNT_OF_MODELS =
      "(?:it nhat|toi thieu|phan dau co)\\s+(?:\\d+|mot|hai|ba|nam)\\s+(?:mo hinh|dien hinh)";

  /** In an item on "Dân vận khéo": a count of models ("ít nhất 02 mô hình"), their registration. */
  private static final Pattern MODEL_COUNT =
      Pattern.compile(
          COUNT_OF_MODELS
              + "|dang ky (?:cac )?(?:mo hinh|dien hinh)|ho so dang ky|dang ky gui ve"
              + "|dang ky (?:voi|ve|tai) ");

  /** "hướng dẫn tiêu chí …" after who chairs: a guide, whose evaluation words are its subject. */
  private static final Pattern GUIDE_AFTER_CHAIR =
      Pattern.compile(
          "^[^;]{0,160}?\\bchu tri\\b[^;]{0,160}?\\b(?:tham muu )?(?:huong dan|ban hanh) "
              + "(?:(?:bo |cac )?tieu chi|quy dinh|quy che|mau|cach)");

  /** A clause that only says when the work is done: "hoàn thành trước ngày 15/01/2025". */
  private static final Pattern DEADLINE_ONLY =
      Pattern.compile(
          "^(?:(?:va|de|phai|dam bao) )?(?:hoan thanh|xong|thuc hien xong|hoan tat|ket thuc)"
              + "\\b[^;]{0,60}$");

  /** Watching a situation ("nắm tình hình …"), the ground of a report when a case arises. */
  private static final Pattern WATCH =
      Pattern.compile("nam (?:bat |chac |vung )?tinh hinh|theo doi|nam bat");

  private static final Pattern DUE = Pattern.compile("^(?:hoan thanh )?(?:truoc|cham nhat|han)\\b");

  private static final Pattern QUOTA =
      Pattern.compile("it nhat|toi thieu|chi tieu|dang ky|moi (?:co quan|don vi|xa|dia phuong)");
  private static final Pattern EVALUATION =
      Pattern.compile(
          "xep loai|cham diem|danh gia +(?:va +)?phan loai|tieu chi[^.;]{0,40}danh gia");
  private static final Pattern REVIEW =
      Pattern.compile("\\b(?:so ket|tong ket)\\b(?! +(?:kinh nghiem|thuc tien))");
  private static final Pattern REPORT = Pattern.compile("bao cao(?! vien)");

  /** The text itself, named without a number: "thực hiện Chỉ thị", "quán triệt Nghị quyết". */
  private static final Pattern THIS_TEXT =
      Pattern.compile("(?:Chỉ thị|Nghị quyết|Kế hoạch|Kết luận)(?! số)(?!\\s+\\d)");

  private static final Pattern CYCLE =
      Pattern.compile(
          "\\b(?:dinh ky|hang (?:thang|quy|nam)|moi (?:quy|nam)"
              // "6 tháng đầu năm 2026" is one half-year, not a cycle
              + "|6 thang(?! +(?:dau|cuoi) +nam +\\d)"
              + "|(?<=bao cao )(?:nam|quy)(?! +\\d))\\b");

  /** Subjects outside the registry: "các cấp ủy, tổ chức đảng", "cấp ủy các cấp". */
  private static final Pattern UNNAMED_SUBJECT =
      Pattern.compile("^(?:cac )?cap uy(?: +dang)?(?: +cac cap)?(?: +(?:va +)?to chuc dang)\\b");

  /** "báo cáo năm", "báo cáo quý": a report named by its period, a cycle of its own. */
  private static final Pattern REPORT_PERIOD =
      Pattern.compile("\\bbao cao +(?<period>nam|quy)\\b(?! +\\d)");

  /** The result of the work before, reported by a date: "kết quả báo cáo … trong quý II/2026". */
  private static final Pattern RESULT_ONLY =
      Pattern.compile("^(?:va |de )?ket qua(?: thuc hien)? +(?:bao cao|gui)\\b");

  /** "Quy chế phối hợp giữa A với B": the parties of a joint rule, A leads and B helps. */
  private static final Pattern PARTIES =
      Pattern.compile("(?:quy che|chuong trinh|ke hoach|co che) +phoi hop +giua +");

  /** The word between the two parties of a joint rule ("với", "và"). */
  private static final Pattern PARTY_JOINT = Pattern.compile(" +(?:voi|va) +");

  /**
   * A second work of the kind before it in one clause: "sơ kết … vào tháng 7/2026 và tổng kết …",
   * "báo cáo … theo quý (…) và báo cáo năm (…)".
   */
  private static final Pattern SECOND_WORK =
      Pattern.compile(
          " +va +(?=(?<review>(?:to chuc +)?tong ket\\b)|(?<report>bao cao +(?:nam|quy|6"
              + " thang)\\b))");

  /** One-off dates ("trước 30/9/2016", "trong tháng 8/2016", "quý III/2020", "từ năm 2017"). */
  private static final Pattern ONCE =
      Pattern.compile(
          "\\b(?:truoc|han|cham nhat|trong thang|xong trong|vao quy|tu nam|het nam)\\s+"
              + "(?:ngay\\s+)?"
              + "(?:\\d|quy|thang \\d)");

  /** "Từng cơ quan, đơn vị…", "mỗi cơ quan…": the same work for every body. */
  private static final Pattern EVERY_BODY = Pattern.compile("^(?:tung|moi|cac) co quan\\s+don vi");

  private static final Pattern DELIVERABLE =
      Pattern.compile(
          "\\b(?:xay dung (?:ke hoach|chuong trinh|quy che|de an|quy dinh|mo hinh)|ban hanh"
              + "|bao cao(?! vien)|to chuc (?:hoi nghi|hoi thao|toa dam|doi thoai|dien dan"
              + "|cuoc thi|hoi thi|so ket|tong ket|kiem tra|tap huan|hoat dong)"
              + "|mo (?:cac )?(?:chuyen trang|chuyen muc|lop)"
              + "|(?:^ *|tham muu +|xay dung +)huong dan|ra soat +(?:ban hanh|hoan thien|xay dung)"
              + "|ke hoach thuc hien)");

  /** Who helps: "phối hợp (chặt chẽ) với X", "cùng với X" after who chairs. */
  private static final Pattern COORDINATE =
      Pattern.compile("phoi hop(?: +chat che)?(?: +voi)?|(?<=chu tri {1,4})cung +voi");

  /** A name the registry lacks, in a list of helpers: capitalised words ("Văn phòng Tỉnh ủy"). */
  private static final Pattern OTHER_NAME =
      Pattern.compile("\\p{Lu}[\\p{L}\\d]*(?:[ -]+(?:và )?[\\p{L}\\d]+){0,7}");

  /** A clause that ends on "phối hợp": the bodies named just before it help. */
  private static final Pattern HELPERS_LAST = Pattern.compile("[a-z] +phoi hop *$");

  /** "X lãnh đạo, chỉ đạo Y …": Y does the work. */
  private static final Pattern LEADS_AND_DIRECTS = Pattern.compile("lanh dao chi dao");

  /** Words that may stand before the subject of a clause ("Giao", "Thủ trưởng các…"). */
  private static final Pattern LEAD_IN =
      Pattern.compile(
          "^(?:(?:giao|de nghi|yeu cau|thu truong|giam doc|chu tich|lanh dao|nguoi dung dau|cac"
              + "|tap the"
              + "|dong chi|va|tung|moi|hang|cung|dang doan|ban can su dang|dang uy|bi thu|cap uy"
              + "|to chuc dang|chi dao|ca|hang nam|hang quy|hang thang|dinh ky|6 thang|hang"
              + "|truoc mat|dong thoi|tiep tuc)\\s+)*$");

  /** Words that may stand between the bodies of one subject ("A, B và các C"). */
  private static final Pattern CHAIN =
      Pattern.compile(
          "^(?:(?:va|cac|cung|ca|voi|chu tich|thu truong|giam doc|nguoi dung dau)\\s+)*$");

  private static final String TYPE_PREFIX = "type:";

  /** The labelled lines of an item in a plan's form: who leads, who helps, by when. */
  private static final Pattern ATTRIBUTE =
      Pattern.compile(
          "\\s*(?:(?<lead>(?:don vi|co quan) (?:chu tri|thuc hien)|chu tri)"
              + "|(?<with>(?:don vi|co quan) phoi hop|phoi hop)"
              + "|(?<when>thoi gian(?: thuc hien| hoan thanh)?|thoi han(?: hoan thanh)?)) *  ");

  /** A day of the month without its month: "trước ngày 25", "chậm nhất ngày 20". */
  private static final Pattern DAY_OF_CYCLE =
      Pattern.compile("(?iu)(?:trước|chậm nhất(?: là)?)(?: ngày)? (\\d{1,2})(?![\\d/]| tháng)");

  /** "trước ngày 10/6": a day and a month without a year. */
  private static final Pattern DAY_AND_MONTH =
      Pattern.compile("(?iu)^(?:trước|chậm nhất)(?: là)?(?: ngày)? (\\d{1,2}/\\d{1,2})$");

  /** "trước ngày 05/12/2026": a day written with its year, the year apart. */
  private static final Pattern FULL_DATE =
      Pattern.compile("(?iu)^((?:trước|chậm nhất)(?: là)?(?: ngày)? \\d{1,2}/\\d{1,2})/\\d{4}$");

  /** The first half and the whole year: a report every half-year. */
  private static final Pattern HALF_AND_YEAR =
      Pattern.compile("\\b6 +thang(?: +dau +nam)? +(?:va +(?:ca +)?|ca +)nam\\b(?! +\\d)");

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
    String province = province(text);
    BodyNames names = new BodyNames(registry, issued, province, district(place, issuer, province));
    names.define(text);
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

  /** A line that begins an item ("1.", "2.1.", "II.", "a)", "- "): the trích yếu ends before it. */
  private static final Pattern ITEM_START =
      Pattern.compile("^(?:(?:[IVX]+|\\d+(?:\\.\\d+)*)[.)]|[a-zđ]\\)|-)\\s");

  private static String title(List<String> lines, int kindLine) {
    int from = kindLine < 0 ? 0 : kindLine + 1;
    for (int i = from; i < Math.min(lines.size(), from + 8); i++) {
      String line = lines.get(i).strip();
      boolean afterKind = kindLine >= 0 && i == from && !line.isEmpty() && !line.startsWith("CỦA");
      if (line.matches("(?iu)^(?:về|v/v)\\b.*") || afterKind) {
        StringBuilder title = new StringBuilder(line);
        for (int j = i + 1;
            j < lines.size()
                && !lines.get(j).isBlank()
                && !ITEM_START.matcher(lines.get(j).strip()).find();
            j++) {
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
  private static String district(String place, String issuer, String province) {
    if (issuer != null) {
      Matcher m = Pattern.compile("(?iu)(?:HUYỆN|THỊ XÃ|THÀNH PHỐ) (.+)$").matcher(issuer);
      if (m.find()) {
        return Folded.words(m.group(1));
      }
    }
    if (place == null) {
      return null;
    }
    String folded = Folded.words(place);
    // "Tỉnh Mẫu, ngày …", "Quảng Ngãi, ngày …": the province itself, not a district
    return folded.startsWith("tinh ") || folded.equals(province) ? null : folded;
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
    List<String> preamble = new ArrayList<>();
    List<String> closing = new ArrayList<>();
    for (String paragraph : paragraphs) {
      if (current != null && END.matcher(paragraph).find()) {
        break;
      }
      Matcher m = LABEL.matcher(paragraph);
      if (!m.find()) {
        if (current == null) {
          preamble.add(paragraph);
        } else if (!CLOSING.matcher(paragraph).find()) {
          current.text.append('\n').append(paragraph);
        } else {
          closing.add(paragraph);
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
      String rest = paragraph.substring(m.end()).strip();
      if (kind.equals("bullet")
          && ATTRIBUTE.matcher(Folded.fold(rest)).lookingAt()
          && rest.matches("(?s)^[^:]{0,30}:.*")) {
        current.text.append('\n').append(rest); // "- Đơn vị chủ trì: …", "- Thời gian: …"
        continue;
      }
      Node node = new Node(kind, label);
      node.text.append(rest);
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
        node.number = parent.number; // a bullet has no number of its own
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
    Subject addressees = addressees(preamble, closing, names);
    List<Item> items = new ArrayList<>();
    emit(root, names, issued, addressees, items, unread);
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

  /** Who does the work: bodies of the registry and types of bodies. */
  private record Subject(Set<String> lead, List<String> types) {
    static Subject none() {
      return new Subject(new LinkedHashSet<>(), new ArrayList<>());
    }

    boolean isEmpty() {
      return lead.isEmpty() && types.isEmpty();
    }
  }

  /**
   * The addressees of the whole text: those the preamble asks ("… yêu cầu các sở, ban, ngành… thực
   * hiện tốt các nội dung sau"), else those the closing makes responsible.
   */
  private static Subject addressees(List<String> preamble, List<String> closing, BodyNames names) {
    List<String> places = new ArrayList<>();
    for (int i = preamble.size() - 1; i >= 0; i--) {
      places.add(preamble.get(i));
    }
    places.addAll(closing);
    for (String paragraph : places) {
      String folded = Folded.fold(paragraph);
      Matcher asks = Pattern.compile("yeu cau|de nghi|chiu trach nhiem|thu truong").matcher(folded);
      boolean announces =
          paragraph.strip().endsWith(":") || folded.matches("(?s).*(?:noi dung|nhiem vu) sau.*");
      if (!asks.find() || preamble.contains(paragraph) && !announces) {
        continue;
      }
      int from = folded.startsWith("thu truong") ? 0 : asks.end();
      Subject subject = Subject.none();
      int last = from;
      for (Mention m : names.in(folded, paragraph)) {
        if (m.start() >= from && m.start() - last <= 40) {
          add(m, subject.lead(), subject.types(), true);
          last = m.end();
        }
      }
      if (!subject.isEmpty()) {
        return subject;
      }
      if (asks.end() > 0 && !folded.startsWith("thu truong")) {
        return subject; // the preamble asks, naming no body: nobody in particular
      }
    }
    return Subject.none();
  }

  private void emit(
      Node node,
      BodyNames names,
      LocalDate issued,
      Subject addressees,
      List<Item> items,
      List<String> unread) {
    if (node.excluded) {
      return;
    }
    boolean heading =
        node.kind.equals("roman") || node.kind.equals("root") || isHeading(node.text.toString());
    boolean ownText = node.text.length() > 160 || node.children.isEmpty();
    if (!heading && ownText) {
      items.addAll(entries(node, names, issued, addressees, unread));
    }
    for (Node child : node.children) {
      emit(child, names, issued, addressees, items, unread);
    }
  }

  /** A clause of an item's text: {@code [start, end)}, within the sentence {@code [from, to)}. */
  private record Clause(int start, int end, int from, int to) {}

  private static List<Clause> clauses(String text) {
    String folded = Folded.fold(text);
    List<Clause> clauses = new ArrayList<>();
    int sentence = 0;
    int start = 0;
    List<int[]> pending = new ArrayList<>();
    for (int i = 0; i <= text.length(); i++) {
      boolean sentenceEnd =
          i == text.length()
              || text.charAt(i) == '\n'
              || text.charAt(i) == '.'
                  && (i + 1 == text.length() || text.charAt(i + 1) == ' ')
                  && !(i > 0
                      && Character.isDigit(text.charAt(i - 1))
                      && i + 2 < text.length()
                      && Character.isDigit(text.charAt(i + 2)));
      boolean clauseEnd = sentenceEnd || text.charAt(i) == ';';
      if (clauseEnd) {
        if (text.substring(start, i).strip().length() > 0) {
          pending.addAll(secondWork(folded, start, i));
        }
        start = i + 1;
      }
      if (sentenceEnd) {
        for (int[] c : pending) {
          clauses.add(new Clause(c[0], c[1], sentence, i));
        }
        pending.clear();
        sentence = i + 1;
      }
    }
    return clauses;
  }

  /**
   * A clause {@code [start, end)} split before a second work of the kind of the first: "sơ kết … và
   * tổng kết …", "báo cáo … theo quý và báo cáo năm …".
   */
  private static List<int[]> secondWork(String folded, int start, int end) {
    Matcher second = SECOND_WORK.matcher(folded).region(start, end);
    while (second.find()) {
      String before = folded.substring(start, second.start());
      boolean same =
          second.group("review") != null
              ? before.contains("so ket")
              : REPORT.matcher(before).find();
      if (same) {
        List<int[]> parts = new ArrayList<>();
        parts.add(new int[] {start, second.start()});
        parts.addAll(secondWork(folded, second.end(), end));
        return parts;
      }
    }
    List<int[]> whole = new ArrayList<>();
    whole.add(new int[] {start, end});
    return whole;
  }

  /**
   * An item's entries: its first clause begins one; a later clause that names work of its own (a
   * deliverable, a report, a review, an evaluation, "Dân vận khéo") begins another, unless it goes
   * on with the work of the clause before; the other clauses go with the entry before them.
   */
  private List<Item> entries(
      Node node, BodyNames names, LocalDate issued, Subject addressees, List<String> unread) {
    String text = node.text.toString().strip();
    String folded = Folded.fold(text);
    List<Mention> mentions = names.in(folded, text);
    Subject inherited = Subject.none();
    Set<String> inheritedCoordinating = new LinkedHashSet<>();
    if (node.parent != null) {
      inherit(node.parent, names, inherited, inheritedCoordinating);
      expand(inheritedCoordinating, issued);
    }
    boolean fromHeading = !inherited.isEmpty();
    if (inherited.isEmpty()) {
      inherited = addressees;
    }
    boolean skilfulItem = folded.contains("dan van kheo");
    List<Entry> entries = new ArrayList<>();
    Subject current = inherited;
    // "9. Ban … chủ trì, phối hợp với … theo dõi:" then "a) Tham mưu …": the heading's helpers too
    Set<String> currentCoordinating = inheritedCoordinating;
    Subject opening = null;
    Set<String> openingCoordinating = Set.of();
    Subject directed = null;
    int directedSentence = -1;
    Clause held = null;
    for (Clause next : clauses(text)) {
      Clause clause = next;
      if (held != null) {
        // "Đảng ủy các xã, phường, đặc khu; Ủy ban MTTQ … tỉnh báo cáo …": one subject
        clause = new Clause(held.start(), next.end(), held.from(), next.to());
        held = null;
      }
      if (namesOnly(folded, clause, mentions)
          && text.length() > clause.end()
          && text.charAt(clause.end()) == ';') {
        held = clause;
        continue;
      }
      Matcher attribute = ATTRIBUTE.matcher(folded).region(clause.start(), clause.end());
      if (attribute.lookingAt()
          && !entries.isEmpty()
          && text.substring(clause.start(), attribute.end()).contains(":")) {
        attribute(
            entries.get(entries.size() - 1),
            attribute,
            clause,
            text.substring(clause.start(), clause.end()),
            mentions,
            issued);
        continue;
      }
      if (opening != null && clause.start() > 0 && text.charAt(clause.start() - 1) == '\n') {
        // a new paragraph goes on with the item's opening subject, not the last sentence's
        current = opening;
        currentCoordinating = new LinkedHashSet<>(openingCoordinating);
      }
      Subject own = Subject.none();
      Set<String> coordinating = new LinkedHashSet<>();
      clause(
          text,
          folded,
          subjectFrom(text, clause, mentions),
          clause.end(),
          mentions,
          own.lead(),
          coordinating,
          own.types());
      // the parties of a joint rule are that work's only, not the subject of the clauses after
      boolean parties =
          own.isEmpty() && parties(folded, clause, mentions, names, own, coordinating);
      expand(coordinating, issued);
      if (parties) {
        // keep the bodies of the clauses before
      } else if (!own.isEmpty()) {
        currentCoordinating = coordinating;
      } else if (coordinating.isEmpty()) {
        coordinating = currentCoordinating; // the clause goes on with the same bodies
      }
      boolean directs = folded.substring(clause.start(), clause.end()).trim().startsWith("chi dao");
      // "Các cấp ủy, tổ chức đảng …": a subject of its own that the registry does not hold
      boolean unnamed =
          own.isEmpty()
              && UNNAMED_SUBJECT
                  .matcher(
                      folded.substring(subjectFrom(text, clause, mentions), clause.end()).trim())
                  .lookingAt();
      Subject subject;
      if (directs && own.lead().isEmpty() && !own.types().isEmpty()) {
        // "UBND tỉnh …; chỉ đạo các sở … rà soát": the sở under the sentence's subject; a heading
        // that directs ("Ban cán sự đảng … lãnh đạo UBND tỉnh:" then "b) Chỉ đạo UBND các xã …")
        // leaves the work to the bodies directed
        boolean headingDirects = fromHeading && current == inherited;
        subject = new Subject(headingDirects ? new LinkedHashSet<>() : current.lead(), own.types());
        directed = subject;
        directedSentence = clause.from();
      } else if (unnamed) {
        subject = Subject.none();
        current = subject;
      } else if (own.isEmpty() && directed != null && clause.from() == directedSentence) {
        subject = directed; // "chỉ đạo UBND các xã … công khai …; định kỳ … tổ chức đối thoại"
      } else if (own.isEmpty()) {
        subject = current;
      } else {
        subject = own;
        current = parties ? current : own;
      }
      if (opening == null) {
        opening = subject;
        openingCoordinating = Set.copyOf(coordinating);
      }
      String words = folded.substring(clause.start(), clause.end());
      String written = text.substring(clause.start(), clause.end());
      if (!entries.isEmpty() && DEADLINE_ONLY.matcher(words.trim()).matches() && dated(written)) {
        entries.get(entries.size() - 1).end = clause.end(); // "…; hoàn thành trước ngày …"
        continue;
      }
      if (!entries.isEmpty()
          && RESULT_ONLY.matcher(words.trim()).find()
          && own.isEmpty()
          && dated(written)
          && !cycled(written)) {
        // "… chỉ đạo rà soát …; kết quả báo cáo … trong 6 tháng đầu năm 2026": the work before
        // has a result due by that date
        Entry last = entries.get(entries.size() - 1);
        last.end = clause.end();
        if (last.block == Block.STANDING) {
          last.block = work(last.subject, folded.substring(last.first.start()).trim());
        }
        continue;
      }
      List<Block> blocks = blocks(words, written, subject, skilfulItem);
      for (Block block : blocks) {
        Entry last = entries.isEmpty() ? null : entries.get(entries.size() - 1);
        // "sơ kết … vào quý IV/2028; tổng kết … vào năm 2032": two milestones, each with its date
        boolean anotherDate =
            last != null
                && block != Block.STANDING
                && dated(written)
                && dated(text.substring(last.first.start(), last.end));
        // "báo cáo … hằng quý, trước ngày 20 …; báo cáo năm gửi trước ngày 10/12 hằng năm": two
        // reports, each with its own cycle
        boolean anotherCycle =
            last != null
                && block == Block.PERIODIC_REPORT
                && last.block == Block.PERIODIC_REPORT
                && cycled(written)
                && cycled(text.substring(last.first.start(), last.end));
        boolean joins =
            last != null
                && (block == Block.STANDING
                    || block == last.block && last.end == previousEnd(entries, clause))
                && !anotherDate
                && !anotherCycle
                && !(block == Block.SKILFUL_QUOTA && anotherQuota(own, words, last, folded))
                && blocks.size() == 1;
        boolean reportsWhatIsWatched =
            last != null
                && block == Block.ADHOC_REPORT
                && blocks.size() == 1
                && last.block == Block.STANDING
                && last.end == last.first.end()
                && last.first.from() == clause.from()
                && own.isEmpty()
                && WATCH.matcher(folded.substring(last.first.start(), last.end)).find();
        if (reportsWhatIsWatched) {
          // "… nắm tình hình khiếu nại …; khi có vụ việc phức tạp, kịp thời báo cáo …": one duty
          last.block = block;
          last.end = clause.end();
          continue;
        }
        boolean carriesOut =
            last != null
                && last.block == Block.STANDING
                && last.end == last.first.end()
                && own.isEmpty()
                && blocks.size() == 1
                && THIS_TEXT.matcher(text.substring(last.first.start(), last.end)).find();
        if (carriesOut) {
          // "… phổ biến, quán triệt Nghị quyết …; xây dựng kế hoạch …": the work of carrying out
          last.block = block;
          last.end = clause.end();
          last.coordinating.addAll(coordinating);
        } else if (joins) {
          last.end = clause.end();
          if ((last.subject.isEmpty() || !last.ownSubject) && !own.isEmpty()) {
            // "… Mặt trận Tổ quốc, các đoàn thể phát huy vai trò …"; "Đẩy mạnh phong trào …;
            // các xã … xây dựng …": the work's own subject rather than the addressees
            last.subject = own;
            last.ownSubject = true;
          }
          boolean helpersOnly = own.isEmpty() && HELPERS_LAST.matcher(words).find();
          if (block == last.block || helpersOnly) {
            last.coordinating.addAll(coordinating); // a standing duty does not join the work's
          }
        } else {
          Entry entry = new Entry(clause, block, subject, coordinating);
          entry.ownSubject = !own.isEmpty() || subject != inherited;
          entries.add(entry);
        }
      }
    }
    List<Item> items = new ArrayList<>();
    for (Entry entry : entries) {
      items.add(heirs(item(node, text, entry, issued, unread), issued));
    }
    return sharedDeadlines(items);
  }

  /**
   * A line of the item's table-like form: "Đơn vị chủ trì: X" sets the entry's lead, "Đơn vị phối
   * hợp: Y" its coordinating bodies, "Thời gian: …" its deadline (read with the entry's text).
   */
  private void attribute(
      Entry entry,
      Matcher attribute,
      Clause clause,
      String written,
      List<Mention> mentions,
      LocalDate issued) {
    entry.end = clause.end();
    if (attribute.group("when") != null && entry.block == Block.STANDING && dated(written)) {
      // "…; thời hạn hoàn thành: 31/10/2026": work with a due date is a deliverable
      entry.block = work(entry.subject, "");
    }
    Subject named = Subject.none();
    Set<String> ids = new LinkedHashSet<>();
    for (Mention m : mentions) {
      if (m.start() >= clause.start() && m.end() <= clause.end()) {
        add(m, ids, named.types(), true);
      }
    }
    if (attribute.group("lead") != null && (!ids.isEmpty() || !named.types().isEmpty())) {
      named.lead().addAll(ids);
      entry.subject = named;
      if (entry.block == Block.ASSIGNMENT || entry.block == Block.FANOUT) {
        boolean many = !named.types().isEmpty() || named.lead().size() > 1;
        entry.block = many ? Block.FANOUT : Block.ASSIGNMENT;
      }
    } else if (attribute.group("with") != null) {
      entry.coordinating.addAll(ids);
      expand(entry.coordinating, issued);
    }
  }

  /** "Phối hợp với các ban của Tỉnh ủy": the bans in force then, each by its id. */
  private void expand(Set<String> coordinating, LocalDate issued) {
    if (coordinating.remove(TYPE_PREFIX + "banDang")) {
      registry.bodies().stream()
          .filter(b -> b.type().equals("banDang"))
          .filter(b -> issued == null || b.isValidOn(issued))
          .forEach(b -> coordinating.add(b.id()));
    }
    coordinating.removeIf(id -> id.startsWith(TYPE_PREFIX));
  }

  /**
   * "mỗi sở … ít nhất 01 mô hình; mỗi huyện … ít nhất 03 mô hình": each type of bodies with its own
   * count is a quota of its own.
   */
  private static boolean anotherQuota(Subject own, String words, Entry last, String folded) {
    Pattern count = Pattern.compile(COUNT_OF_MODELS);
    return !own.isEmpty()
        && count.matcher(words).find()
        && count.matcher(folded.substring(last.first.start(), last.end)).find();
  }

  /**
   * Where a clause's subject may begin: after a topic and its colon that name no body ("Phong trào
   * thi đua "Dân vận khéo": mỗi sở …"), else at the clause's start.
   */
  private static int subjectFrom(String text, Clause clause, List<Mention> mentions) {
    int colon = text.substring(clause.start(), clause.end()).indexOf(": ");
    if (colon < 0 || colon > 80) {
      return clause.start();
    }
    int at = clause.start() + colon;
    boolean topic = mentions.stream().noneMatch(m -> m.start() >= clause.start() && m.start() < at);
    return topic ? at + 2 : clause.start();
  }

  /** Whether a clause names a cycle of its own ("hằng quý", "trước ngày 10/12 hằng năm"). */
  private static boolean cycled(String written) {
    return REPORT_PERIOD.matcher(Folded.fold(written)).find()
        || DeadlineFinder.in(written, LocalDate.of(2000, 1, 1)).found().stream()
            .anyMatch(f -> f.schedule() instanceof Schedule.Every);
  }

  /** Whether a clause names a one-off date of its own. */
  private static boolean dated(String written) {
    return DeadlineFinder.in(written, LocalDate.of(2000, 1, 1)).found().stream()
        .anyMatch(f -> f.schedule() instanceof Schedule.Once && usable(f, Block.STANDING));
  }

  /**
   * Parallel work written with one deadline at its end ("mỗi sở … 01 mô hình; mỗi huyện … 03 mô
   * hình, gửi đăng ký … trước ngày 30/4"): an entry without a deadline takes the next entry's of
   * the same block.
   */
  private static List<Item> sharedDeadlines(List<Item> items) {
    List<Item> shared = new ArrayList<>(items);
    for (int i = shared.size() - 2; i >= 0; i--) {
      Item item = shared.get(i);
      Item next = shared.get(i + 1);
      // a quota's rate ("02 mô hình mỗi năm") gives way to the registration date written after it
      boolean rateOnly =
          item.block() == Block.SKILFUL_QUOTA
              && item.deadline() != null
              && !item.deadline().matches(".*\\d.*");
      if ((item.deadline() == null || rateOnly)
          && next.deadline() != null
          && next.deadline().matches(".*\\d.*")
          && item.block() == next.block()
          && item.block() != Block.STANDING
          && item.block() != Block.ADHOC_REPORT) {
        shared.set(
            i,
            new Item(
                item.number(),
                item.text(),
                item.block(),
                item.lead(),
                item.coordinating(),
                item.bodyType(),
                next.deadline(),
                item.notes(),
                item.bodyTypes()));
      }
    }
    return shared;
  }

  private static int previousEnd(List<Entry> entries, Clause clause) {
    return entries.get(entries.size() - 1).end;
  }

  /** One entry being gathered: where it begins and ends in the item's text, and its work. */
  private static final class Entry {
    final Clause first;
    int end;
    Block block;
    Subject subject;
    boolean ownSubject;
    final Set<String> coordinating;

    Entry(Clause first, Block block, Subject subject, Set<String> coordinating) {
      this.first = first;
      this.end = first.end();
      this.block = block;
      this.subject = subject;
      this.coordinating = new LinkedHashSet<>(coordinating);
    }
  }

  private static Item item(
      Node node, String text, Entry entry, LocalDate issued, List<String> unread) {
    String own = text.substring(entry.first.start(), entry.end).strip();
    DeadlineFinder.Result deadlines = DeadlineFinder.in(own, issued);
    if (deadlines.found().stream().noneMatch(f -> usable(f, entry.block))) {
      DeadlineFinder.Result sentence =
          DeadlineFinder.in(text.substring(entry.first.from(), entry.first.start()), issued);
      if (sentence.found().stream().anyMatch(f -> usable(f, entry.block))) {
        deadlines = new DeadlineFinder.Result(sentence.found(), deadlines.unread());
      }
    }
    List<String> notes = new ArrayList<>();
    for (String phrase : deadlines.unread()) {
      String note = "Thời hạn \"" + phrase + "\" không đọc được";
      notes.add(note);
      unread.add("Mục " + node.number + ": " + note);
    }
    Block block = entry.block;
    String deadline =
        block == Block.STANDING || block == Block.ADHOC_REPORT
            ? null
            : deadline(block, deadlines, issued, own);
    if (block != Block.STANDING && entry.subject.isEmpty()) {
      String note = "Không rõ đơn vị thực hiện";
      notes.add(note);
      unread.add("Mục " + node.number + " (\"" + start(own) + "…\"): " + note);
    }
    Set<String> coordinating = new LinkedHashSet<>(entry.coordinating);
    coordinating.removeAll(entry.subject.lead());
    List<String> types = List.copyOf(entry.subject.types());
    return new Item(
        node.number,
        own,
        block,
        List.copyOf(entry.subject.lead()),
        List.copyOf(coordinating),
        types.isEmpty() ? null : types.get(0),
        deadline,
        notes,
        types);
  }

  /**
   * The bodies in force on the issue date: a body that had ended by then (the 2025 mergers) is read
   * as the body that holds its work, its successor; one without an heir stays as named.
   */
  private Item heirs(Item item, LocalDate issued) {
    if (issued == null) {
      return item;
    }
    java.util.function.Function<List<String>, List<String>> inForce =
        ids ->
            ids.stream()
                .map(
                    id ->
                        registry.body(id).filter(b -> b.hasEndedBy(issued)).isPresent()
                            ? registry.heirOn(id, issued).map(b -> b.id()).orElse(id)
                            : id)
                .distinct()
                .toList();
    List<String> lead = inForce.apply(item.lead());
    List<String> coordinating =
        inForce.apply(item.coordinating()).stream().filter(id -> !lead.contains(id)).toList();
    return new Item(
        item.number(),
        item.text(),
        item.block(),
        lead,
        coordinating,
        item.bodyType(),
        item.deadline(),
        item.notes(),
        item.bodyTypes());
  }

  private static String start(String text) {
    String[] words = text.split("\\s+");
    return String.join(" ", java.util.Arrays.asList(words).subList(0, Math.min(8, words.length)));
  }

  /** The leads named by the headings above an item ("2. Sở Nội vụ:" then "a) Chủ trì…"). */
  private static void inherit(
      Node parent, BodyNames names, Subject subject, Set<String> coordinating) {
    for (Node p = parent; p != null && !p.kind.equals("root"); p = p.parent) {
      String text = p.text.toString();
      String folded = Folded.fold(text);
      List<Mention> mentions = names.in(folded, text);
      for (Clause c : clauses(text)) {
        clause(
            text,
            folded,
            c.start(),
            c.end(),
            mentions,
            subject.lead(),
            coordinating,
            subject.types());
        if (!subject.isEmpty()) {
          return;
        }
      }
    }
  }

  /**
   * Who leads and who coordinates in one clause: the bodies it begins with (after "Giao", "Đề
   * nghị", "Thủ trưởng các…", a time such as "Hằng quý,") and those before "chủ trì" lead; those
   * after "phối hợp (với)" coordinate; bodies named otherwise (a report's recipient, a document's
   * author) are neither.
   */
  private static void clause(
      String text,
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
    boolean afterChair = folded.substring(Math.max(0, start - 120), end).contains("chu tri");
    if (afterChair && HELPERS_LAST.matcher(folded).region(start, end).find()) {
      // "(UBND huyện chủ trì; Ban Quản lý dự án …, Ủy ban MTTQ huyện phối hợp)": who helps, named
      // before "phối hợp" at the clause's end, after who chairs
      int chairs = folded.substring(start, end).lastIndexOf("chu tri");
      int helpFrom = chairs < 0 ? start : start + chairs + "chu tri".length();
      in.stream()
          .filter(m -> m.start() >= helpFrom)
          .forEach(m -> add(m, coordinating, types, false));
      in = in.stream().filter(m -> m.start() < helpFrom).toList();
      if (in.isEmpty()) {
        return;
      }
    }
    Matcher coordinate = COORDINATE.matcher(folded).region(start, end);
    int coordinateAt = coordinate.find() ? coordinate.start() : -1;
    int coordinateEnd = coordinateAt >= 0 ? coordinate.end() : -1;
    int previousEnd = start;
    boolean subject = true;
    for (Mention m : in) {
      String raw = folded.substring(previousEnd, m.start());
      String between = raw.trim().replaceAll(" +", " ");
      if (coordinateAt >= 0 && m.start() >= coordinateEnd) {
        String gap = folded.substring(coordinateEnd, m.start()).trim().replaceAll(" +", " ");
        if (gap.isEmpty()
            || gap.matches("(?:(?:cac|va|voi|ca|cung|chat che|co quan|lien quan) ?)*")
            || otherNames(text.substring(coordinateEnd, m.start()))) {
          add(m, coordinating, types, false);
          coordinateEnd = m.end();
          previousEnd = m.end();
          continue;
        }
      }
      boolean first = previousEnd == start;
      if (first && raw.endsWith("  ")) {
        // "Hằng quý và khi có vụ việc phức tạp phát sinh, các huyện ủy …": a time, then the subject
        between = between.replaceFirst("^(?:hang|dinh ky|6 thang|khi|trong|truoc)\\b.*$", "");
      }
      Pattern allowed = first ? LEAD_IN : CHAIN;
      boolean leadIn =
          subject
              && allowed.matcher(between.isEmpty() ? "" : between + " ").matches()
              && (coordinateAt < 0 || m.start() < coordinateAt);
      String after = folded.substring(m.end(), Math.min(end, m.end() + 12)).trim();
      boolean chairs = after.startsWith("chu tri");
      boolean given = between.matches(".*\\b(?:giao|de nghi)$");
      boolean directed = first && between.equals("chi dao") && m.body() == null;
      boolean ledAndDirected =
          !first
              && (!lead.isEmpty() || !types.isEmpty())
              && LEADS_AND_DIRECTS.matcher(between).matches();
      if (ledAndDirected) {
        // "Đảng ủy UBND tỉnh lãnh đạo, chỉ đạo Sở …": the body directed does the work
        lead.clear();
        types.clear();
        add(m, lead, types, true);
        subject = false;
      } else if (leadIn && !directed || chairs || given) {
        add(m, lead, types, true);
      } else if (directed) {
        add(m, new LinkedHashSet<>(), types, true);
        subject = false;
      } else {
        subject = false;
      }
      previousEnd = m.end();
    }
  }

  /**
   * Whether the words between a helper and the next are only names the registry lacks: "phối hợp
   * với Văn phòng Tỉnh ủy, Ban Tổ chức Tỉnh ủy", "Sở Dân tộc và Tôn giáo, Công an tỉnh và …".
   */
  private static boolean otherNames(String written) {
    String stripped = written.strip();
    String gap =
        stripped.replaceFirst("^(?:[,;]|và)\\s*", "").replaceFirst("\\s*(?:,|và|cùng)$", "");
    boolean listGoesOn = stripped.matches("(?s).*(?:,|\\svà|\\scùng)$");
    if (gap.isEmpty() || gap.length() > 120 || !listGoesOn) {
      return false; // a name the registry lacks ends where the list goes on: "…, " or "… và "
    }
    for (String name : gap.split("\\s*,\\s*|\\s+và\\s+(?=\\p{Lu})")) {
      if (!OTHER_NAME.matcher(name).matches()) {
        return false;
      }
    }
    return true;
  }

  private static void add(Mention m, Set<String> ids, List<String> types, boolean leading) {
    if (m.body() != null) {
      ids.add(m.body());
    }
    if (m.bodyType() != null && !leading) {
      ids.add(TYPE_PREFIX + m.bodyType()); // read by expand, then dropped
    }
    if (m.bodyType() != null && leading) {
      for (String type : m.bodyType().split(",")) {
        if (!types.contains(type)) {
          types.add(type);
        }
      }
    }
  }

  /** The blocks of a clause by the product's table (docs/intake.md), the most specific first. */
  private static List<Block> blocks(
      String folded, String written, Subject subject, boolean skilfulItem) {
    boolean cycle = CYCLE.matcher(folded).find();
    boolean report = REPORT.matcher(folded).find();
    if (ADHOC.matcher(folded).find()) {
      return cycle && report
          ? List.of(Block.PERIODIC_REPORT, Block.ADHOC_REPORT)
          : List.of(Block.ADHOC_REPORT);
    }
    boolean propaganda = folded.matches("(?s).*tuyen truyen[^.;]{0,60}dan van kheo.*");
    boolean models = skilfulItem && MODEL_COUNT.matcher(folded).find();
    if ((SKILFUL.matcher(folded).find() || models)
        && !REVIEW.matcher(folded).find()
        && !propaganda) {
      return List.of(Block.SKILFUL_QUOTA);
    }
    String start = folded.trim();
    boolean guide = issuesGuide(start) || GUIDE_AFTER_CHAIR.matcher(start).find();
    if (!guide && EVALUATION.matcher(folded).find()) {
      return List.of(Block.EVALUATION);
    }
    if (!guide && REVIEW.matcher(folded).find()) {
      return List.of(Block.REVIEW_MILESTONE);
    }
    if (!guide && report && cycle) {
      return List.of(Block.PERIODIC_REPORT);
    }
    boolean once =
        ONCE.matcher(folded).find()
            || DeadlineFinder.in(written, LocalDate.of(2000, 1, 1)).found().stream()
                .anyMatch(
                    f ->
                        f.schedule() instanceof Schedule.Once
                            && usable(f, Block.STANDING)
                            && !f.phrase().toLowerCase(Locale.ROOT).contains("từ năm"));
    boolean deliverable = false;
    Matcher work = DELIVERABLE.matcher(folded);
    while (work.find() && !deliverable) {
      String before = folded.substring(Math.max(0, work.start() - 80), work.start());
      deliverable = !before.matches("(?s).*\\bso \\d.*");
    }
    if (!deliverable && !once) {
      return List.of(Block.STANDING);
    }
    return List.of(work(subject, start));
  }

  /** A deliverable: one body's (assignment), or many bodies' or a type's (fan-out). */
  private static Block work(Subject subject, String start) {
    // work that names no body is every addressee's
    return subject.isEmpty()
            || !subject.types().isEmpty()
            || subject.lead().size() > 1
            || EVERY_BODY.matcher(start).find()
        ? Block.FANOUT
        : Block.ASSIGNMENT;
  }

  /** Whether a clause only names bodies ("Đảng ủy các xã, phường, đặc khu"), without work. */
  private static boolean namesOnly(String folded, Clause clause, List<Mention> mentions) {
    StringBuilder rest = new StringBuilder();
    int at = clause.start();
    boolean any = false;
    for (Mention m : mentions) {
      if (m.start() >= clause.start() && m.end() <= clause.end()) {
        rest.append(folded, at, m.start()).append(' ');
        at = m.end();
        any = true;
      }
    }
    rest.append(folded, at, clause.end());
    String words = rest.toString().trim().replaceAll(" +", " ");
    return any && LEAD_IN.matcher(words.isEmpty() ? "" : words + " ").matches();
  }

  /**
   * "Rà soát, hoàn thiện Quy chế phối hợp giữa UBND với Mặt trận Tổ quốc … các cấp": the first
   * party leads, the other helps; a level written after the other ("các cấp") is both parties'.
   */
  private static boolean parties(
      String folded,
      Clause clause,
      List<Mention> mentions,
      BodyNames names,
      Subject own,
      Set<String> coordinating) {
    Matcher between = PARTIES.matcher(folded).region(clause.start(), clause.end());
    if (!between.find()) {
      return false;
    }
    int from = between.end();
    Matcher with = PARTY_JOINT.matcher(folded).region(from, Math.min(clause.end(), from + 60));
    if (!with.find()) {
      return false;
    }
    int otherAt = with.end();
    Mention other =
        mentions.stream()
            .filter(m -> m.start() >= otherAt && m.start() <= otherAt + 2)
            .findFirst()
            .orElse(null);
    if (other == null) {
      return false;
    }
    String after = folded.substring(other.end(), Math.min(clause.end(), other.end() + 12));
    String level = after.matches("^ +cac cap\\b.*") ? " cac cap" : "";
    String first = folded.substring(from, with.start()).trim() + level;
    for (Mention party : names.in(first)) {
      add(party, own.lead(), own.types(), true);
    }
    if (own.isEmpty()) {
      return false;
    }
    add(other, coordinating, new ArrayList<>(), false);
    return true;
  }

  /** A clause that issues a guide or a rule ("hướng dẫn …", "tham mưu ban hành …"). */
  private static boolean issuesGuide(String folded) {
    return folded.trim().matches("(?s)^(?:tham muu )?(?:huong dan|ban hanh)\\b.*");
  }

  /** Whether a phrase can be an entry's deadline: a span ("giai đoạn …") only for a quota. */
  private static boolean usable(DeadlineFinder.Found found, Block block) {
    boolean span = found.phrase().toLowerCase(Locale.ROOT).startsWith("giai đoạn");
    return !span || block == Block.SKILFUL_QUOTA;
  }

  /**
   * The phrase the block runs by: a cycle for reports and evaluations (joined with a day written
   * apart from it: "Hằng năm … trước ngày 15/10" reads "trước ngày 15/10 hằng năm"), else the first
   * one-off.
   */
  private static String deadline(
      Block block, DeadlineFinder.Result deadlines, LocalDate issued, String text) {
    List<DeadlineFinder.Found> found =
        deadlines.found().stream().filter(f -> usable(f, block)).toList();
    if (found.isEmpty()) {
      return null;
    }
    boolean wantsCycle = block == Block.PERIODIC_REPORT || block == Block.EVALUATION;
    if (!wantsCycle) {
      List<DeadlineFinder.Found> once =
          found.stream().filter(f -> f.schedule() instanceof Schedule.Once).toList();
      if (once.isEmpty() && issuesGuide(Folded.fold(text))) {
        return null; // "hướng dẫn … báo cáo … hằng quý": the cycle is the guide's subject
      }
      if (once.isEmpty()) {
        // work done again and again ("định kỳ hằng năm tổ chức đối thoại"): its cycle
        return found.stream()
            .max(java.util.Comparator.comparingInt(f -> f.phrase().length()))
            .map(DeadlineFinder.Found::phrase)
            .orElse(null);
      }
      // a due date written as such wins over the period a review or report covers ("sơ kết 6
      // tháng đầu năm …, gửi báo cáo … trước ngày 25/6/2024")
      return once.stream()
          .filter(f -> DUE.matcher(Folded.fold(f.phrase())).find())
          .findFirst()
          .orElse(once.get(0))
          .phrase();
    }
    // the cycle written most fully: "trước ngày 15/6 và 15/12 hằng năm" rather than "6 tháng"
    DeadlineFinder.Found cycle =
        found.stream()
            .filter(f -> f.schedule() instanceof Schedule.Every)
            .max(java.util.Comparator.comparingInt(f -> f.phrase().length()))
            .orElse(null);
    if (wantsCycle && cycle != null) {
      for (DeadlineFinder.Found f : found) {
        if (f.schedule() instanceof Schedule.Once && !f.phrase().matches(".*\\d{4}.*")) {
          String joined =
              f.phrase() + " " + cycle.phrase().toLowerCase(Locale.ROOT).replace("hàng", "hằng");
          try {
            DeadlinePhrases.parse(joined, issued == null ? LocalDate.of(2000, 1, 1) : issued);
            return joined;
          } catch (InvalidInputException notRead) {
            // keep the cycle alone
          }
        }
      }
      List<String> days =
          found.stream()
              .filter(f -> f.schedule() instanceof Schedule.Once)
              .map(f -> DAY_AND_MONTH.matcher(f.phrase()))
              .filter(Matcher::matches)
              .map(m -> m.group(1))
              .toList();
      if (cycle.schedule() instanceof Schedule.Every every
          && every.frequency() == Schedule.Frequency.HALF_YEARLY
          && days.size() == 2) {
        // "6 tháng (trước ngày 10/6) và năm (trước ngày 10/11)": the two days of each year
        String joined = "trước ngày " + days.get(0) + " và " + days.get(1) + " hằng năm";
        if (DeadlinePhrases.isValid(joined)) {
          return joined;
        }
      }
      if (!cycle.phrase().matches(".*\\d.*")) {
        // "hằng tháng, trước ngày 25": the day of the cycle written apart from it
        Matcher day = DAY_OF_CYCLE.matcher(text);
        if (day.find()) {
          String joined =
              "trước ngày "
                  + day.group(1)
                  + " "
                  + cycle.phrase().toLowerCase(Locale.ROOT).replace("hàng", "hằng");
          if (DeadlinePhrases.isValid(joined)) {
            return joined;
          }
        }
      }
      return cycle.phrase();
    }
    if (HALF_AND_YEAR.matcher(Folded.fold(text)).find()) {
      return "6 tháng"; // "báo cáo 6 tháng đầu năm và cả năm": every half-year
    }
    Matcher period = REPORT_PERIOD.matcher(Folded.fold(text));
    if (wantsCycle && period.find()) {
      // "báo cáo năm (trước ngày 05/12/2026)": the day of each year, from that year on
      String every = period.group("period").equals("nam") ? " hằng năm" : " hằng quý";
      for (DeadlineFinder.Found f : found) {
        Matcher full = FULL_DATE.matcher(f.phrase());
        if (f.schedule() instanceof Schedule.Once && full.matches() && every.endsWith("năm")) {
          String joined = full.group(1) + every;
          if (DeadlinePhrases.isValid(joined)) {
            return joined;
          }
        }
      }
    }
    for (DeadlineFinder.Found f : found) {
      if (f.schedule() instanceof Schedule.Once) {
        return f.phrase();
      }
    }
    return found.get(0).phrase();
  }
}
