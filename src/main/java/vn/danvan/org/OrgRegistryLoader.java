package vn.danvan.org;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import vn.danvan.org.OrgRegistry.Body;
import vn.danvan.org.OrgRegistry.BodyType;
import vn.danvan.org.OrgRegistry.EndedBodyPolicy;
import vn.danvan.org.OrgRegistry.Person;

/**
 * Reads and checks the organisation registry YAML file. Every problem is reported with the line it
 * is on, all at once, so an administrator fixes the file in one pass.
 */
public final class OrgRegistryLoader {

  /** Camunda's default whitelist for user and group ids. */
  static final Pattern CAMUNDA_ID = Pattern.compile("[a-zA-Z0-9]+");

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final Set<String> TOP_KEYS =
      Set.of("name", "endedBodyPolicy", "bodyTypes", "bodies", "people");
  private static final Set<String> TYPE_KEYS = Set.of("id", "name");
  private static final Set<String> BODY_KEYS =
      Set.of("id", "name", "type", "parent", "validFrom", "validTo", "successor", "successors");
  private static final Set<String> PERSON_KEYS = Set.of("id", "name", "body", "role", "email");

  private final String source;
  private final List<String> problems = new ArrayList<>();

  private OrgRegistryLoader(String source) {
    this.source = source;
  }

  /** Loads a registry from a Spring resource (classpath: or file:). */
  public static OrgRegistry load(Resource resource) {
    String source = resource.getDescription();
    if (!resource.exists()) {
      throw new OrgRegistryException(source, List.of("không tìm thấy tệp"));
    }
    try (InputStream in = resource.getInputStream()) {
      return load(source, new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new OrgRegistryException(source, List.of("không đọc được tệp: " + e.getMessage()));
    }
  }

  /** Loads a registry from text; {@code source} names it in messages. */
  public static OrgRegistry load(String source, Reader reader) {
    return new OrgRegistryLoader(source).read(reader);
  }

  private OrgRegistry read(Reader reader) {
    Node root;
    try {
      LoaderOptions options = new LoaderOptions();
      options.setAllowDuplicateKeys(false);
      root = new Yaml(new SafeConstructor(options)).compose(reader);
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
      throw new OrgRegistryException(
          source, List.of("dòng " + line + ": lỗi cú pháp YAML: " + e.getProblem()));
    }
    if (!(root instanceof MappingNode top)) {
      throw new OrgRegistryException(
          source, List.of("tệp phải có các mục bodyTypes, bodies và people"));
    }
    Map<String, Node> sections = fields(top, TOP_KEYS);
    List<BodyType> types = new ArrayList<>();
    for (MappingNode item : items(sections, "bodyTypes", top)) {
      Map<String, Node> f = fields(item, TYPE_KEYS);
      types.add(new BodyType(required(f, "id", item), required(f, "name", item), line(item)));
    }
    List<Body> bodies = new ArrayList<>();
    for (MappingNode item : items(sections, "bodies", top)) {
      Map<String, Node> f = fields(item, BODY_KEYS);
      bodies.add(
          new Body(
              required(f, "id", item),
              required(f, "name", item),
              required(f, "type", item),
              optional(f, "parent"),
              date(f, "validFrom"),
              date(f, "validTo"),
              successors(f),
              line(item)));
    }
    List<Person> people = new ArrayList<>();
    for (MappingNode item : items(sections, "people", top)) {
      Map<String, Node> f = fields(item, PERSON_KEYS);
      String roleCode = required(f, "role", item);
      Role role = null;
      if (roleCode != null) {
        role = Role.fromCode(roleCode).orElse(null);
        if (role == null) {
          problem(
              f.get("role"),
              "vai trò \"" + roleCode + "\" không hợp lệ (chọn một trong: " + Role.codes() + ")");
        }
      }
      people.add(
          new Person(
              required(f, "id", item),
              required(f, "name", item),
              required(f, "body", item),
              role,
              optional(f, "email"),
              line(item)));
    }
    EndedBodyPolicy policy = EndedBodyPolicy.REFUSE;
    String policyCode = optional(sections, "endedBodyPolicy");
    if (policyCode != null) {
      policy = EndedBodyPolicy.fromCode(policyCode).orElse(null);
      if (policy == null) {
        problem(
            sections.get("endedBodyPolicy"),
            "endedBodyPolicy \""
                + policyCode
                + "\" không hợp lệ (refuse: từ chối việc mới cho đơn vị đã kết thúc; successor:"
                + " giao cho đơn vị kế thừa)");
      }
    }
    OrgRegistry registry = new OrgRegistry(source, policy, types, bodies, people);
    if (problems.isEmpty()) {
      check(registry);
    }
    if (!problems.isEmpty()) {
      throw new OrgRegistryException(source, problems);
    }
    return registry;
  }

  // --- meaning: ids, references, dates, cycles ---

  private void check(OrgRegistry registry) {
    Map<String, Integer> typeLines =
        uniqueIds(registry.bodyTypes(), BodyType::id, BodyType::line, "loại đơn vị");
    Map<String, Integer> bodyLines = uniqueIds(registry.bodies(), Body::id, Body::line, "đơn vị");
    uniqueIds(registry.people(), Person::id, Person::line, "người dùng");

    Map<String, String> groupOwners = new HashMap<>();
    for (Role role : Role.values()) {
      groupOwners.put(role.groupId(), "nhóm vai trò " + role.code());
    }
    for (Body body : registry.bodies()) {
      groupOwners.putIfAbsent(
          body.leadersGroupId(), "nhóm lãnh đạo của đơn vị \"" + body.id() + "\"");
    }
    for (Body body : registry.bodies()) {
      String owner = groupOwners.get(body.id());
      if (owner != null) {
        problem(body.line(), "mã đơn vị \"" + body.id() + "\" trùng với mã của " + owner);
      }
      if (!typeLines.containsKey(body.type())) {
        problem(body.line(), "loại đơn vị \"" + body.type() + "\" không có trong bodyTypes");
      }
      reference(body, body.parent(), "đơn vị cha", bodyLines);
      body.successors().forEach(s -> reference(body, s, "đơn vị kế thừa", bodyLines));
      if (body.validFrom() != null
          && body.validTo() != null
          && body.validTo().isBefore(body.validFrom())) {
        problem(
            body.line(),
            "validTo "
                + body.validTo()
                + " trước validFrom "
                + body.validFrom()
                + " của đơn vị \""
                + body.id()
                + "\"");
      }
    }
    checkParentCycles(registry);
    problems.addAll(checkSuccessors(registry.bodies()));
    for (Person person : registry.people()) {
      if (!bodyLines.containsKey(person.body())) {
        problem(
            person.line(),
            "đơn vị \""
                + person.body()
                + "\" của người dùng \""
                + person.id()
                + "\" không có trong danh sách đơn vị");
      }
      if (person.email() != null && !EMAIL.matcher(person.email()).matches()) {
        problem(person.line(), "email \"" + person.email() + "\" không hợp lệ");
      }
    }
  }

  private <T> Map<String, Integer> uniqueIds(
      List<T> items, Function<T, String> id, ToIntFunction<T> line, String what) {
    Map<String, Integer> firstLine = new LinkedHashMap<>();
    for (T item : items) {
      String value = id.apply(item);
      int at = line.applyAsInt(item);
      if (!CAMUNDA_ID.matcher(value).matches()) {
        problem(
            at,
            "mã "
                + what
                + " \""
                + value
                + "\" không hợp lệ: chỉ dùng chữ cái không dấu"
                + " và chữ số (a-z, A-Z, 0-9), không dấu cách, gạch nối hay dấu chấm");
      }
      Integer earlier = firstLine.putIfAbsent(value, at);
      if (earlier != null) {
        problem(
            at, "mã " + what + " \"" + value + "\" bị trùng (đã khai báo ở dòng " + earlier + ")");
      }
    }
    return firstLine;
  }

  private void reference(Body body, String target, String what, Map<String, Integer> bodyLines) {
    if (target == null) {
      return;
    }
    if (target.equals(body.id())) {
      problem(body.line(), what + " của \"" + body.id() + "\" không thể là chính nó");
    } else if (!bodyLines.containsKey(target)) {
      problem(
          body.line(),
          what + " \"" + target + "\" của \"" + body.id() + "\" không có trong danh sách đơn vị");
    }
  }

  private void checkParentCycles(OrgRegistry registry) {
    Map<String, Body> byId = new HashMap<>();
    registry.bodies().forEach(b -> byId.putIfAbsent(b.id(), b));
    Set<String> reported = new HashSet<>();
    for (Body start : registry.bodies()) {
      Set<String> path = new LinkedHashSet<>();
      Body current = start;
      while (current != null && path.add(current.id())) {
        current = current.parent() == null ? null : byId.get(current.parent());
      }
      if (current != null && current.id().equals(start.id()) && reported.add(start.id())) {
        path.forEach(reported::add);
        problem(
            start.line(),
            "đơn vị cha tạo thành vòng lặp: " + String.join(" → ", path) + " → " + start.id());
      }
    }
  }

  // --- shape: YAML nodes with their lines ---

  private List<MappingNode> items(Map<String, Node> sections, String key, Node parent) {
    Node node = sections.get(key);
    if (node == null) {
      problem(parent, "thiếu mục \"" + key + "\"");
      return List.of();
    }
    if (!(node instanceof SequenceNode seq)) {
      problem(node, "mục \"" + key + "\" phải là một danh sách (mỗi phần tử bắt đầu bằng \"- \")");
      return List.of();
    }
    List<MappingNode> result = new ArrayList<>();
    for (Node item : seq.getValue()) {
      if (item instanceof MappingNode mapping) {
        result.add(mapping);
      } else {
        problem(item, "mỗi phần tử của \"" + key + "\" phải gồm các trường dạng khóa: giá trị");
      }
    }
    return result;
  }

  private Map<String, Node> fields(MappingNode mapping, Set<String> allowed) {
    Map<String, Node> result = new LinkedHashMap<>();
    for (NodeTuple tuple : mapping.getValue()) {
      String key = tuple.getKeyNode() instanceof ScalarNode s ? s.getValue() : null;
      if (key == null || !allowed.contains(key)) {
        problem(
            tuple.getKeyNode(),
            "trường \""
                + key
                + "\" không được hỗ trợ (các trường: "
                + String.join(", ", allowed.stream().sorted().toList())
                + ")");
      } else if (result.put(key, tuple.getValueNode()) != null) {
        problem(tuple.getKeyNode(), "trường \"" + key + "\" bị lặp");
      }
    }
    return result;
  }

  private String required(Map<String, Node> fields, String key, Node owner) {
    if (!fields.containsKey(key)) {
      problem(owner, "thiếu trường bắt buộc \"" + key + "\"");
      return null;
    }
    String value = optional(fields, key);
    if (value == null) {
      problem(fields.get(key), "trường \"" + key + "\" không được để trống");
    }
    return value;
  }

  private String optional(Map<String, Node> fields, String key) {
    Node node = fields.get(key);
    if (node == null) {
      return null;
    }
    if (node instanceof ScalarNode scalar) {
      String value = scalar.getValue().trim();
      return value.isEmpty() || value.equals("~") || value.equals("null") ? null : value;
    }
    problem(node, "trường \"" + key + "\" phải là một giá trị đơn");
    return null;
  }

  /** {@code successor: id}, or {@code successors:} a list of ids (the first takes the work). */
  private List<String> successors(Map<String, Node> fields) {
    if (fields.containsKey("successor") && fields.containsKey("successors")) {
      problem(fields.get("successors"), "chỉ dùng một trong hai trường successor, successors");
    }
    Node node =
        fields.containsKey("successors") ? fields.get("successors") : fields.get("successor");
    if (node == null) {
      return List.of();
    }
    List<String> ids = new ArrayList<>();
    if (node instanceof SequenceNode seq) {
      for (Node item : seq.getValue()) {
        if (item instanceof ScalarNode scalar && !scalar.getValue().isBlank()) {
          ids.add(scalar.getValue().trim());
        } else {
          problem(item, "mỗi đơn vị kế thừa là một mã đơn vị");
        }
      }
    } else if (node instanceof ScalarNode scalar) {
      for (String id : scalar.getValue().split(",")) {
        if (!id.isBlank() && !id.trim().equals("~") && !id.trim().equals("null")) {
          ids.add(id.trim());
        }
      }
    } else {
      problem(node, "đơn vị kế thừa phải là một mã hoặc danh sách mã");
    }
    if (ids.stream().distinct().count() != ids.size()) {
      problem(node, "đơn vị kế thừa có mã trùng");
    }
    return ids;
  }

  /**
   * What an ending needs, whoever declares it (the file, an administrator over REST): successors
   * only for a body with an end date; no successor that has itself ended by then, or does not yet
   * exist the day after; no chain of successors that comes back to where it started.
   *
   * @return the problems, each naming the line and the bodies
   */
  static List<String> checkSuccessors(List<Body> bodies) {
    Map<String, Body> byId = new HashMap<>();
    bodies.forEach(b -> byId.putIfAbsent(b.id(), b));
    List<String> found = new ArrayList<>();
    for (Body body : bodies) {
      if (!body.successors().isEmpty() && body.validTo() == null) {
        found.add(
            "dòng "
                + body.line()
                + ": đơn vị \""
                + body.id()
                + "\" có đơn vị kế thừa"
                + " nhưng không có ngày kết thúc (validTo)");
        continue;
      }
      for (String id : body.successors()) {
        Body next = byId.get(id);
        if (next == null || body.validTo() == null || next.id().equals(body.id())) {
          continue;
        }
        LocalDate firstDay = body.validTo().plusDays(1);
        if (next.hasEndedBy(firstDay)) {
          found.add(
              "dòng "
                  + body.line()
                  + ": đơn vị kế thừa \""
                  + id
                  + "\" của \""
                  + body.id()
                  + "\" đã kết thúc ngày "
                  + next.validTo()
                  + ", trước khi nhận việc ngày "
                  + firstDay
                  + " (chọn đơn vị kế thừa còn hoạt động)");
        } else if (next.validFrom() != null && next.validFrom().isAfter(firstDay)) {
          found.add(
              "dòng "
                  + body.line()
                  + ": đơn vị kế thừa \""
                  + id
                  + "\" của \""
                  + body.id()
                  + "\" chỉ hoạt động từ "
                  + next.validFrom()
                  + ", sau ngày nhận việc "
                  + firstDay);
        }
      }
    }
    Set<String> reported = new HashSet<>();
    for (Body start : bodies) {
      List<String> cycle = cycleFrom(start.id(), byId, new ArrayList<>());
      if (cycle != null && reported.add(start.id())) {
        reported.addAll(cycle);
        found.add(
            "dòng "
                + start.line()
                + ": đơn vị kế thừa tạo thành vòng lặp: "
                + String.join(" → ", cycle));
      }
    }
    return found;
  }

  /** A path of successors from {@code id} back to the start of {@code path}, or null. */
  private static List<String> cycleFrom(String id, Map<String, Body> byId, List<String> path) {
    if (!path.isEmpty() && path.get(0).equals(id)) {
      List<String> cycle = new ArrayList<>(path);
      cycle.add(id);
      return cycle;
    }
    Body body = byId.get(id);
    if (body == null || path.contains(id) || path.size() > byId.size()) {
      return null;
    }
    path.add(id);
    for (String next : body.successors()) {
      List<String> cycle = cycleFrom(next, byId, path);
      if (cycle != null) {
        return cycle;
      }
    }
    path.remove(path.size() - 1);
    return null;
  }

  private LocalDate date(Map<String, Node> fields, String key) {
    String value = optional(fields, key);
    if (value == null) {
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      problem(
          fields.get(key),
          "ngày " + key + " \"" + value + "\" không hợp lệ (định dạng yyyy-MM-dd)");
      return null;
    }
  }

  private static int line(Node node) {
    return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
  }

  private void problem(Node node, String message) {
    problem(line(node), message);
  }

  private void problem(int line, String message) {
    problems.add("dòng " + line + ": " + message);
  }
}
