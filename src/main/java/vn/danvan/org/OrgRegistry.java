package vn.danvan.org;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The organisation as data: typed bodies with a parent, validity dates and a successor, and the
 * people who work in them. Levels (tỉnh, huyện, xã…) are not built in: they are body types listed
 * in the file, so a reorganisation is an edit of data, not of code.
 *
 * @param source where the registry was read from, for messages
 */
public record OrgRegistry(
    String source, List<BodyType> bodyTypes, List<Body> bodies, List<Person> people,
    Map<String, Body> bodiesById) {

  public OrgRegistry(
      String source, List<BodyType> bodyTypes, List<Body> bodies, List<Person> people) {
    this(source, List.copyOf(bodyTypes), List.copyOf(bodies), List.copyOf(people),
        bodies.stream().collect(Collectors.toMap(Body::id, Function.identity(), (a, b) -> a)));
  }

  /** Suffix of the group that holds a body's leaders: {@code soNoiVu} → {@code soNoiVuLanhDao}. */
  public static final String LEADERS_SUFFIX = "LanhDao";

  /** A kind of body (Ban của Tỉnh ủy, Sở, UBND xã…). */
  public record BodyType(String id, String name, int line) {}

  /** A body (cơ quan, đơn vị); its id is also its Camunda group id. */
  public record Body(
      String id,
      String name,
      String type,
      String parent,
      LocalDate validFrom,
      LocalDate validTo,
      String successor,
      int line) {

    /** Camunda group of the body's leaders, candidates for approvals. */
    public String leadersGroupId() {
      return id + LEADERS_SUFFIX;
    }

    /** Whether the body exists on that day (validTo is the last day it exists). */
    public boolean isValidOn(LocalDate day) {
      return (validFrom == null || !day.isBefore(validFrom))
          && (validTo == null || !day.isAfter(validTo));
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
    return Optional.ofNullable(id == null ? null : bodiesById.get(id));
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
