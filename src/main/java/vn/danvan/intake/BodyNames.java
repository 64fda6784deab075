package vn.danvan.intake;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.danvan.org.OrgRegistry;
import vn.danvan.org.OrgRegistry.Body;

/**
 * Where a text names the registry's bodies: by name, by the usual short forms (UBND, MTTQ, BTV…),
 * with the province's or the district's own name in place of "tỉnh"/"huyện", a merged board by
 * either of its former names; and where it names a type of bodies ("các sở, ban, ngành", "UBND các
 * xã, thị trấn", "Mặt trận Tổ quốc và các đoàn thể"…). Accents and case aside.
 */
final class BodyNames {

  /** A body or a type of bodies named at {@code [start, end)} of the item's text. */
  record Mention(int start, int end, String body, String bodyType) {}

  private record Alias(Pattern pattern, String body, boolean exact, boolean active, int length) {}

  private record TypePhrase(Pattern pattern, String bodyType, String body) {}

  /** Short forms written for words of body names, both ways. */
  private static final String[][] SHORT_FORMS = {
    {"uy ban nhan dan", "ubnd"},
    {"uy ban mat tran to quoc viet nam", "uy ban mttq viet nam"},
    {"uy ban mat tran to quoc viet nam", "uy ban mttq"},
    {"uy ban mat tran to quoc viet nam", "mttq viet nam"},
    {"uy ban mat tran to quoc viet nam", "mat tran to quoc viet nam"},
    {"uy ban mat tran to quoc viet nam", "mat tran to quoc"},
    {"uy ban mat tran to quoc viet nam", "uy ban mat tran to quoc"},
    {"uy ban mat tran to quoc viet nam", "mttqvn"},
    {"uy ban mat tran to quoc viet nam", "mttq"},
    {"uy ban mat tran to quoc viet nam", "ubmttq viet nam"},
    {"uy ban mat tran to quoc viet nam", "ubmttqvn"},
    {"uy ban mat tran to quoc viet nam", "ubmttq"},
    {"dai phat thanh va truyen hinh", "dai phat thanh truyen hinh"},
    {"dai phat thanh va truyen hinh", "dai pt th"},
    {"hoi lien hiep phu nu", "hoi phu nu"},
    {"hoi lien hiep phu nu", "hoi lhpn"},
    {"tinh doan thanh nien cong san ho chi minh", "tinh doan"},
    {"tinh doan thanh nien cong san ho chi minh", "ban thuong vu tinh doan"},
    {"ban thuong vu", "btv"},
    {"lien doan lao dong", "ldld"},
    {"hoi cuu chien binh", "hoi ccb"},
    {"truong chinh tri", "truong chinh tri tinh"},
    {"so lao dong thuong binh va xa hoi", "so lao dong thuong binh xa hoi"},
    {"so lao dong thuong binh va xa hoi", "so ldtbxh"},
    {"so thong tin va truyen thong", "so tt tt"},
    {"so tai nguyen va moi truong", "so tn mt"},
    {"so khoa hoc va cong nghe", "so kh cn"},
    {"so nong nghiep va moi truong", "so nn mt"},
    {"so noi vu", "so nv"},
    {"dai phat thanh va truyen hinh", "dai ptth"},
    {"ban tuyen giao va dan van", "btgdv"},
    {"ban tuyen giao va dan van", "ban tg dv"},
    {"ban dan van", "bdv"},
    {"ban chap hanh dang bo tinh", "tinh uy"},
  };

  /**
   * A level below the xã ("ở thôn, bản, tổ dân phố", "ở khu dân cư", "ở cơ sở"): the Front and the
   * đoàn thể there are not the province's.
   */
  private static final String GRASSROOTS =
      " (?:o|tai) (?:cac )?(?:thon|ban|ap|to dan pho|khu dan cu|khu pho|co so)(?![a-z])";

  /** Words naming a type of bodies, folded, with the registry's type id. */
  private static final String[][] TYPE_PHRASES = {
    {"cac so ban nganh", "so"},
    {"cac so co quan ban nganh", "so"},
    {"cac co quan so ban nganh", "so"},
    {"cac so nganh", "so"},
    {"so ban nganh tinh", "so"},
    {"cac co quan don vi thuoc (?:ubnd|uy ban nhan dan) tinh", "so"},
    {"cac co quan chuyen mon thuoc (?:ubnd|uy ban nhan dan) tinh", "so"},
    {"cac so co quan truc thuoc", "so"},
    {"cac so", "so"},
    {
      "cac co quan chuyen mon don vi su nghiep(?: thuoc (?:ubnd|uy ban nhan dan) huyen)?",
      "phongHuyen,suNghiepHuyen"
    },
    {"cac co quan chuyen mon thuoc (?:ubnd|uy ban nhan dan) huyen", "phongHuyen"},
    {"cac co quan chuyen mon", "phongHuyen"},
    {"cac phong ban nganh(?: huyen)?", "phongHuyen"},
    {
      "cac co quan don vi su nghiep thuoc (?:ubnd|uy ban nhan dan) huyen",
      "phongHuyen,suNghiepHuyen"
    },
    {"(?:ubnd|uy ban nhan dan) cap huyen cap xa", "huyen,xa"},
    {"(?:ubnd|uy ban nhan dan) cac huyen thi xa thanh pho", "huyen"},
    {"(?:ubnd|uy ban nhan dan) cac huyen", "huyen"},
    {"(?:ubnd|uy ban nhan dan) cap huyen", "huyen"},
    {"cac huyen thi thanh uy(?: dang uy truc thuoc(?: tinh uy)?)?", "huyen"},
    {"cac huyen uy thanh uy(?: thi uy)?(?: dang uy truc thuoc(?: tinh uy)?)?", "huyen"},
    {"cac huyen thanh uy(?: dang uy truc thuoc(?: tinh uy)?)?", "huyen"},
    {"cac huyen uy", "huyen"},
    {"(?:ban thuong vu )?cap uy cap huyen", "huyen"},
    {"thanh uy huyen uy(?: dang uy truc thuoc(?: tinh uy)?)?", "huyen"},
    {"cac huyen thi xa thanh pho", "huyen"},
    {"(?:ubnd|uy ban nhan dan) cac xa phuong dac khu", "xa,phuong,dacKhu"},
    {"(?:ubnd|uy ban nhan dan) cac xa phuong thi tran", "xa,phuong,thiTran"},
    {"(?:ubnd|uy ban nhan dan) cac xa thi tran", "xa,thiTran"},
    {"(?:ubnd|uy ban nhan dan) cac xa", "xa"},
    {"(?:ubnd|uy ban nhan dan) cap xa", "xa"},
    {"dang uy cac xa phuong(?: dac khu)?", "xa,phuong,dacKhu"},
    {"cac xa phuong dac khu", "xa,phuong,dacKhu"},
    {"cac xa phuong thi tran", "xa,phuong,thiTran"},
    {"cac xa thi tran", "xa,thiTran"},
    {
      "(?:uy ban )?(?:mat tran to quoc|mttq)(?: viet nam)?(?: va)? cac doan the"
          + "(?: chinh tri xa hoi)?(?: tinh)?(?! huyen| xa|"
          + GRASSROOTS
          + ")",
      "doanThe",
      "mttq"
    },
    {
      "(?:uy ban )?(?:mat tran to quoc|mttq)(?: viet nam)?(?: va)? cac to chuc chinh tri xa hoi"
          + "(?: tinh)?(?! huyen| xa|"
          + GRASSROOTS
          + ")",
      "doanThe",
      "mttq"
    },
    {
      "(?:uy ban )?(?:mat tran to quoc|mttq)(?: viet nam)?(?: va)? cac (?:doan the|to chuc chinh"
          + " tri xa hoi)(?: chinh tri xa hoi)?(?: (?:huyen|xa)|"
          + GRASSROOTS
          + ")",
      ""
    },
    {"cac doan the chinh tri xa hoi(?: tinh)?", "doanThe"},
    {"cac to chuc chinh tri xa hoi(?: tinh)?", "doanThe"},
    {"cac doan the(?: tinh)?", "doanThe"},
    {"cac ban (?:cua |dang )?tinh uy", "banDang"},
    {"cac ban xay dung dang(?: tinh uy)?", "banDang"},
    {"cac ban can su dang dang doan", "tinhUy"},
    {"(?:ubnd|uy ban nhan dan) cac cap", "huyen,xa", "tinh"},
    {"cac co quan thong tin dai chung", "suNghiep"},
    {"cac co quan bao chi", "suNghiep"},
  };

  /** A short name the text defines for what it names before ("… (sau đây gọi tắt là Ban)"). */
  private record Defined(Pattern written, String body, String bodyType) {}

  /** "(sau đây gọi tắt là X)", "(sau đây gọi chung là X)", "(viết tắt là X)". */
  private static final Pattern DEFINITION =
      Pattern.compile(
          "\\(\\s*(?:sau đây\\s+)?(?:được\\s+)?(?:gọi tắt là|gọi chung là|viết tắt là|gọi là)"
              + "\\s+([^()]{2,40}?)\\s*\\)",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private final List<Alias> aliases = new ArrayList<>();
  private final List<Defined> defined = new ArrayList<>();
  private final List<TypePhrase> types = new ArrayList<>();

  /**
   * The names of the registry's bodies as the text may write them.
   *
   * @param issued the issue date, to prefer the bodies in force then, or null
   * @param province the province's own name, folded ("binh thuan"), or null
   * @param district the issuing district's own name, folded ("xuan loc"), or null
   */
  BodyNames(OrgRegistry registry, LocalDate issued, String province, String district) {
    Set<String> knownTypes = new LinkedHashSet<>();
    registry.bodyTypes().forEach(t -> knownTypes.add(t.id()));
    for (Body body : registry.bodies()) {
      String name = Folded.words(body.name());
      boolean active = issued == null || body.isValidOn(issued);
      for (String variant : variants(name, body, province, district)) {
        boolean exact = variant.equals(name);
        aliases.add(
            new Alias(
                pattern(variant.replace(" ", " +")), body.id(), exact, active, variant.length()));
      }
    }
    String front =
        registry.bodies().stream()
            .filter(b -> Folded.words(b.name()).contains("mat tran to quoc") && b.parent() == null)
            .map(Body::id)
            .findFirst()
            .orElse(null);
    String provincial =
        registry.bodies().stream()
            .filter(b -> b.type().equals("tinh"))
            .map(Body::id)
            .findFirst()
            .orElse(null);
    if (district != null) {
      front = null; // a district's text: "Mặt trận Tổ quốc" is the district's own
    }
    for (String[] phrase : TYPE_PHRASES) {
      List<String> named = phrase[1].isEmpty() ? List.of() : List.of(phrase[1].split(","));
      List<String> known = named.stream().filter(knownTypes::contains).toList();
      if (known.isEmpty() && !named.isEmpty()) {
        continue;
      }
      String body = phrase.length < 3 ? null : phrase[2].equals("mttq") ? front : provincial;
      types.add(
          new TypePhrase(
              // "các huyện, thị xã, thành phố", also "mỗi huyện …", "từng xã …": the same type
              pattern(phrase[0].replaceFirst("^cac ", "(?:cac|moi|tung) ").replace(" ", " +")),
              known.isEmpty() ? null : String.join(",", known),
              body));
    }
  }

  private static Pattern pattern(String words) {
    return Pattern.compile("(?<![a-z0-9])" + words + "(?![a-z0-9])");
  }

  private static Set<String> variants(String name, Body body, String province, String district) {
    Set<String> variants = new LinkedHashSet<>();
    variants.add(name);
    // a merged board by either former name: "ban tuyen giao va dan van tinh uy"
    Matcher merged = Pattern.compile("^ban (.+) va (.+) (tinh uy|huyen uy.*)$").matcher(name);
    if (merged.matches()) {
      variants.add("ban " + merged.group(1) + " " + merged.group(3));
      variants.add("ban " + merged.group(2) + " " + merged.group(3));
    }
    for (int round = 0; round < 2; round++) {
      for (String variant : List.copyOf(variants)) {
        for (String[] form : SHORT_FORMS) {
          if (variant.contains(form[0])) {
            variants.add(variant.replace(form[0], form[1]));
          }
          if ((" " + variant + " ").contains(" " + form[1] + " ")) {
            variants.add(
                (" " + variant + " ").replace(" " + form[1] + " ", " " + form[0] + " ").strip());
          }
        }
      }
    }
    if (province != null) {
      for (String variant : List.copyOf(variants)) {
        if (variant.endsWith(" tinh")) {
          String stem = variant.substring(0, variant.length() - " tinh".length());
          variants.add(stem + " tinh " + province);
          variants.add(stem + " " + province);
        }
      }
    }
    if (district != null) {
      Matcher local =
          Pattern.compile("^(.+) (huyen|thanh pho|thi xa) " + Pattern.quote(district) + "$")
              .matcher(name);
      if (local.matches()) {
        for (String variant : List.copyOf(variants)) {
          String stem = variant.replace(" " + local.group(2) + " " + district, "");
          variants.add(stem + " " + local.group(2));
          if (body.type().equals("phongHuyen") || body.type().equals("suNghiepHuyen")) {
            variants.add(stem);
          }
        }
      }
    }
    if (district != null && name.endsWith(" tinh")) {
      // a district's text names the province's bodies with "tỉnh"
      variants.removeIf(v -> !v.contains("tinh") && (province == null || !v.contains(province)));
    }
    variants.removeIf(
        v ->
            v.length() < 4
                || v.equals("ubnd")
                || v.equals("tinh uy") && !name.startsWith("ban chap hanh"));
    return variants;
  }

  /**
   * Reads the short names the whole text defines for a body or a type named just before: "Ban Tuyên
   * giáo và Dân vận Tỉnh ủy (sau đây gọi tắt là Ban)", "UBND các xã, phường, đặc khu (sau đây gọi
   * chung là UBND cấp xã)". A short name is matched as written, case and all, and not where a
   * capitalised word follows it ("Ban Thường vụ").
   */
  void define(String text) {
    String folded = Folded.fold(text);
    Matcher definition = DEFINITION.matcher(text);
    while (definition.find()) {
      int before = definition.start();
      Mention named =
          in(folded).stream()
              .filter(m -> m.end() <= before && before - m.end() <= 2)
              .reduce((a, b) -> b)
              .orElse(null);
      String shortName = definition.group(1).strip();
      if (named == null || named.body() == null && named.bodyType() == null) {
        continue;
      }
      defined.add(
          new Defined(
              Pattern.compile(
                  "(?<![\\p{L}\\d])" + Pattern.quote(shortName) + "(?![\\p{L}\\d])(?!\\s+\\p{Lu})"),
              named.body(),
              named.bodyType()));
    }
  }

  /**
   * The bodies and types the written text names: those of {@link #in(String)} and the text's own
   * short names, which win a place from a generic name no longer than they are.
   */
  List<Mention> in(String folded, String written) {
    List<Mention> found = new ArrayList<>(in(folded));
    for (Defined d : defined) {
      Matcher m = d.written().matcher(written);
      while (m.find()) {
        int start = m.start();
        int end = m.end();
        List<Mention> overlapped =
            found.stream().filter(f -> start < f.end() && f.start() < end).toList();
        if (overlapped.stream().allMatch(f -> f.end() - f.start() <= end - start)) {
          found.removeAll(overlapped);
          found.add(new Mention(start, end, d.body(), d.bodyType()));
        }
      }
    }
    found.sort(Comparator.comparingInt(Mention::start));
    return found;
  }

  /**
   * The bodies and types the folded text names, left to right, none overlapping: the longest name
   * wins a place; of one name, a body in force on the issue date, then the body's own name.
   */
  List<Mention> in(String folded) {
    List<Mention> found = new ArrayList<>();
    List<int[]> taken = new ArrayList<>();
    List<Candidate> candidates = new ArrayList<>();
    for (Alias alias : aliases) {
      Matcher m = alias.pattern().matcher(folded);
      while (m.find()) {
        candidates.add(new Candidate(m.start(), m.end(), alias.body(), null, alias));
      }
    }
    for (TypePhrase type : types) {
      Matcher m = type.pattern().matcher(folded);
      while (m.find()) {
        candidates.add(new Candidate(m.start(), m.end(), type.body(), type.bodyType(), null));
      }
    }
    candidates.sort(
        Comparator.comparingInt((Candidate c) -> c.end - c.start)
            .reversed()
            .thenComparing(c -> c.alias == null || !c.alias.active())
            .thenComparing(c -> c.alias == null || !c.alias.exact()));
    for (Candidate c : candidates) {
      boolean overlaps = taken.stream().anyMatch(t -> c.start < t[1] && t[0] < c.end);
      if (!overlaps) {
        taken.add(new int[] {c.start, c.end});
        found.add(new Mention(c.start, c.end, c.body, c.bodyType));
      }
    }
    found.sort(Comparator.comparingInt(Mention::start));
    return found;
  }

  private record Candidate(int start, int end, String body, String bodyType, Alias alias) {}
}
