package vn.danvan.org;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a person does in the product. Each role is a Camunda group that carries the application
 * permissions of the role; admins join Camunda's own {@code camunda-admin} group.
 */
public enum Role {
  STAFF("staff", "vaiTroCanBo", "Vai trò: Cán bộ, chuyên viên"),
  LEADER("leader", "vaiTroLanhDao", "Vai trò: Lãnh đạo đơn vị"),
  COORDINATOR("coordinator", "vaiTroDieuPhoi", "Vai trò: Theo dõi, điều phối"),
  ADMIN("admin", "camunda-admin", "Quản trị hệ thống");

  private final String code;
  private final String groupId;
  private final String groupName;

  Role(String code, String groupId, String groupName) {
    this.code = code;
    this.groupId = groupId;
    this.groupName = groupName;
  }

  /** The word used in the registry file. */
  public String code() {
    return code;
  }

  public String groupId() {
    return groupId;
  }

  public String groupName() {
    return groupName;
  }

  static Optional<Role> fromCode(String code) {
    return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
  }

  static String codes() {
    return String.join(", ", Arrays.stream(values()).map(Role::code).toList());
  }
}
