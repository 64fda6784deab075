package vn.danvan.org;

import java.util.List;

/** The registry file cannot be used; the message lists every problem with its line. */
public class OrgRegistryException extends RuntimeException {

  private final List<String> problems;

  OrgRegistryException(String source, List<String> problems) {
    super(
        "Sổ đăng ký tổ chức "
            + source
            + " không hợp lệ ("
            + problems.size()
            + " lỗi):\n  - "
            + String.join("\n  - ", problems));
    this.problems = List.copyOf(problems);
  }

  /** Each problem, starting with "dòng N:" where the file has a line for it. */
  public List<String> problems() {
    return problems;
  }
}
