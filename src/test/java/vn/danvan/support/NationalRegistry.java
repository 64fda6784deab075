package vn.danvan.support;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import vn.danvan.org.OrgRegistry;
import vn.danvan.org.OrgRegistryLoader;

/**
 * A registry at national scale for load tests: 34 provinces and their communes (3,321 in 2025),
 * plus the monitoring Ban Dân vận. Ids {@code tinh01}, {@code xa0001}…; no people, so start-up
 * stays quick (the load tests act through the engine API or as the administrator).
 */
public final class NationalRegistry {

  public static final int PROVINCES = 34;

  private NationalRegistry() {}

  /** Writes a registry with {@code communes} communes spread over the provinces. */
  public static Path write(Path dir, int communes) throws IOException {
    return write(dir, communes, false);
  }

  /**
   * The same, with one staff member for each commune when {@code staff} is set: {@code
   * xa0001CanBo}… ({@link #staffOf}), for load tests that act as the bodies' own people.
   */
  public static Path write(Path dir, int communes, boolean staff) throws IOException {
    StringBuilder yaml =
        new StringBuilder(
            """
            name: Cả nước (kiểm thử tải)
            bodyTypes:
              - id: coQuanDang
                name: Cơ quan của cấp ủy
              - id: tinh
                name: Tỉnh, thành phố
              - id: xa
                name: Xã, phường, đặc khu
            bodies:
              - id: bdvTU
                name: Ban Dân vận
                type: coQuanDang
            """);
    for (int p = 1; p <= PROVINCES; p++) {
      yaml.append(String.format("  - id: tinh%02d%n    name: Tỉnh %02d%n    type: tinh%n", p, p));
    }
    for (String id : communeIds(communes)) {
      int province = Integer.parseInt(id.substring(2)) % PROVINCES + 1;
      yaml.append(
          String.format(
              "  - id: %s%n    name: Xã %s%n    type: xa%n    parent: tinh%02d%n",
              id, id.substring(2), province));
    }
    if (staff) {
      yaml.append("people:\n");
      for (String id : communeIds(communes)) {
        yaml.append(
            String.format(
                "  - id: %s%n    name: Cán bộ Xã %s%n    body: %s%n    role: staff%n"
                    + "    email: %s@kiemthu.danvan.vn%n",
                staffOf(id), id.substring(2), id, id));
      }
    } else {
      yaml.append("people: []\n");
    }
    Path file = dir.resolve("national-" + communes + (staff ? "-staff" : "") + ".yaml");
    Files.writeString(file, yaml, StandardCharsets.UTF_8);
    return file;
  }

  /**
   * The demo province's registry (every body the seed directives name, with its people) grown to
   * {@code bodies} bodies with communes ({@code ubndXa001}…, type {@code xa}).
   */
  public static Path province(Path dir, int bodies) throws IOException {
    return province(dir, bodies, null, null);
  }

  /**
   * The same, counting only the demo bodies in force on every day from {@code from} to {@code to}
   * (both null: every body): {@code bodies} of them in force throughout, for a replay of those
   * years on the engine clock.
   */
  public static Path province(Path dir, int bodies, LocalDate from, LocalDate to)
      throws IOException {
    String demo;
    try (var in = NationalRegistry.class.getResourceAsStream("/org/demo-province.yaml")) {
      demo = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    int people = demo.indexOf("\npeople:");
    int named =
        (int)
            OrgRegistryLoader.load("demo-province.yaml", new StringReader(demo)).bodies().stream()
                .filter(b -> from == null || inForceThroughout(b, from, to))
                .count();
    if (bodies < named) {
      throw new IllegalArgumentException("the demo province alone has " + named + " bodies");
    }
    StringBuilder communes = new StringBuilder("\n  # kiểm thử tải: các xã thêm vào\n");
    for (int c = 1; c <= bodies - named; c++) {
      communes.append(
          String.format(
              "  - id: ubndXa%03d%n    name: Ủy ban nhân dân xã %03d%n" + "    type: xa%n", c, c));
    }
    Path file = dir.resolve("province-" + bodies + (from == null ? "" : "-" + from) + ".yaml");
    Files.writeString(
        file,
        demo.substring(0, people) + communes + demo.substring(people),
        StandardCharsets.UTF_8);
    return file;
  }

  /** Whether the body is in force on every day from {@code from} to {@code to}. */
  public static boolean inForceThroughout(OrgRegistry.Body body, LocalDate from, LocalDate to) {
    return body.isValidOn(from) && body.isValidOn(to);
  }

  /** The login of the commune {@code communeId}'s staff member in a registry with staff. */
  public static String staffOf(String communeId) {
    return communeId + "CanBo";
  }

  public static List<String> communeIds(int communes) {
    List<String> ids = new ArrayList<>();
    for (int c = 1; c <= communes; c++) {
      ids.add(String.format("xa%04d", c));
    }
    return ids;
  }
}
