package vn.danvan.org;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The organisation as data: typed bodies with a parent, validity dates and successors, and the
 * people who work in them. Levels (tỉnh, xã, sở, ban…) are not built in: they are body types listed
 * in the file, so a reorganisation is an edit of data, not of code.
 *
 * <p>One instance serves the whole application and always shows the registry in force: a reload of
 * the file, or a body ended by an administrator, replaces its content at once ({@link
 * #replaceWith}) for every reader. Each accessor returns one consistent, unmodifiable view.
 */
public final class OrgRegistry {

  /** Suffix of the group that holds a body's leaders: {@code soNoiVu} → {@code soNoiVuLanhDao}. */
  public static final String LEADERS_SUFFIX = "LanhDao";

  /** One consistent content of the registry. */
  private record Content(
      String source,
      EndedBodyPolicy policy,
      List<BodyType> bodyTypes,
      List<Body> bodies,
      List<Person> people,
      Map<String, Body> bodiesById,
      Map<String, Person> peopleById) {}

  /** What a start or a deployment that names an ended body gets. */
  public enum EndedBodyPolicy {
    /** Refused, with a message naming the element, the field and the successor. */
    REFUSE("refuse"),
    /** Given to the body's heir in force (a replayed historical directive, for instance). */
    SUCCESSOR("successor");

    private final String code;

    EndedBodyPolicy(String code) {
      this.code = code;
    }

    /** The word used in the registry file. */
    public String code() {
      return code;
    }

    static Optional<EndedBodyPolicy> fromCode(String code) {
      return java.util.Arrays.stream(values()).filter(p -> p.code.equals(code)).findFirst();
    }
  }

  private volatile Content content;

  public OrgRegistry(
      String source, List<BodyType> bodyTypes, List<Body> bodies, List<Person> people) {
    this(source, EndedBodyPolicy.REFUSE, bodyTypes, bodies, people);
  }

  public OrgRegistry(
      String source,
      EndedBodyPolicy policy,
      List<BodyType> bodyTypes,
      List<Body> bodies,
      List<Person> people) {
    this.content =
        new Content(
            source,
            policy,
            List.copyOf(bodyTypes),
            List.copyOf(bodies),
            List.copyOf(people),
            bodies.stream().collect(Collectors.toMap(Body::id, Function.identity(), (a, b) -> a)),
            people.stream()
                .collect(Collectors.toMap(Person::id, Function.identity(), (a, b) -> a)));
  }

  /** Where the registry was read from, for messages. */
  public String source() {
    return content.source();
  }

  /** What new work that names an ended body gets ({@code endedBodyPolicy} in the file). */
  public EndedBodyPolicy endedBodyPolicy() {
    return content.policy();
  }

  /** The same registry with some bodies replaced (an ending declared outside the file). */
  public OrgRegistry withBodies(List<Body> replaced) {
    Map<String, Body> byId =
        replaced.stream().collect(Collectors.toMap(Body::id, Function.identity(), (a, b) -> b));
    List<Body> bodies = content.bodies().stream().map(b -> byId.getOrDefault(b.id(), b)).toList();
    return new OrgRegistry(
        content.source(), content.policy(), content.bodyTypes(), bodies, content.people());
  }

  public List<BodyType> bodyTypes() {
    return content.bodyTypes();
  }

  public List<Body> bodies() {
    return content.bodies();
  }

  public List<Person> people() {
    return content.people();
  }

  public Map<String, Body> bodiesById() {
    return content.bodiesById();
  }

  /** Puts another registry's content in force (a reload, an ending); readers see it at once. */
  void replaceWith(OrgRegistry other) {
    this.content = other.content;
  }

  /** A kind of body (Ban của Tỉnh ủy, Sở, UBND xã…). */
  public record BodyType(String id, String name, int line) {}

  /**
   * A body (cơ quan, đơn vị); its id is also its Camunda group id.
   *
   * @param successors who takes over when it ends ({@code validTo}): the first receives its open
   *     work, every one may read its history
   */
  public record Body(
      String id,
      String name,
      String type,
      String parent,
      LocalDate validFrom,
      LocalDate validTo,
      List<String> successors,
      int line) {

    public Body {
      successors = successors == null ? List.of() : List.copyOf(successors);
    }

    /** Camunda group of the body's leaders, candidates for approvals. */
    public String leadersGroupId() {
      return id + LEADERS_SUFFIX;
    }

    /** The successor that receives the open work, or null. */
    public String successor() {
      return successors.isEmpty() ? null : successors.get(0);
    }

    /** Whether the body exists on that day (validTo is the last day it exists). */
    public boolean isValidOn(LocalDate day) {
      return (validFrom == null || !day.isBefore(validFrom))
          && (validTo == null || !day.isAfter(validTo));
    }

    /** Whether the body has ended before that day. */
    public boolean hasEndedBy(LocalDate day) {
      return validTo != null && day.isAfter(validTo);
    }

    /** The same body, ended after {@code validTo} with those successors. */
    public Body endedOn(LocalDate validTo, List<String> successors) {
      return new Body(id, name, type, parent, validFrom, validTo, successors, line);
    }
  }

  /** A person with a login, belonging to one body with one role. */
  public record Person(String id, String name, String body, Role role, String email, int line) {

    /** Vietnamese full names read family-first; Camunda shows "first last", so split at the end. */
    public String firstName() {
      int space = name.lastIndexOf(' ');
      return space < 0 ? name : name.substring(0, space);
    }

    public String lastName() {
      int space = name.lastIndexOf(' ');
      return space < 0 ? "" : name.substring(space + 1);
    }
  }

  /** The body with that id (looked up in a map: a national registry has ~3,400). */
  public Optional<Body> body(String id) {
    return Optional.ofNullable(id == null ? null : content.bodiesById().get(id));
  }

  /** The person with that login id. */
  public Optional<Person> person(String id) {
    return Optional.ofNullable(id == null ? null : content.peopleById().get(id));
  }

  /** A body's display name, or its id when the registry does not know it. */
  public String name(String id) {
    return body(id).map(Body::name).orElse(id);
  }

  /**
   * The body that holds an ended body's work on {@code day}: its first successor, followed along
   * the chain while that one has ended too; empty when the chain ends with no body in force.
   */
  public Optional<Body> heirOn(String id, LocalDate day) {
    Body current = body(id).orElse(null);
    Set<String> seen = new LinkedHashSet<>();
    while (current != null && seen.add(current.id())) {
      if (current.isValidOn(day)) {
        return Optional.of(current);
      }
      current = body(current.successor()).orElse(null);
    }
    return Optional.empty();
  }

  /**
   * The bodies whose history {@code id} inherits: every body that names it as a successor, and
   * theirs in turn (a merged board reads what the boards merged into it did).
   */
  public Set<String> predecessorsOf(String id) {
    Map<String, List<String>> before = new HashMap<>();
    for (Body body : content.bodies()) {
      for (String successor : body.successors()) {
        before.computeIfAbsent(successor, s -> new ArrayList<>()).add(body.id());
      }
    }
    Set<String> result = new LinkedHashSet<>();
    List<String> queue = new ArrayList<>(before.getOrDefault(id, List.of()));
    while (!queue.isEmpty()) {
      String next = queue.remove(queue.size() - 1);
      if (!next.equals(id) && result.add(next)) {
        queue.addAll(before.getOrDefault(next, List.of()));
      }
    }
    return result;
  }

  /**
   * The bodies' names for people, separated by "; ": the first {@code named}, then how many more
   * ("và 12 đơn vị khác"), so that a national list still fits a text variable. An unknown id is
   * shown as it is.
   */
  public String names(java.util.List<String> ids, int named) {
    StringBuilder text = new StringBuilder();
    for (String id : ids.subList(0, Math.min(named, ids.size()))) {
      text.append(text.isEmpty() ? "" : "; ").append(body(id).map(Body::name).orElse(id));
    }
    if (ids.size() > named) {
      text.append(" và ").append(ids.size() - named).append(" đơn vị khác");
    }
    return text.toString();
  }
}
