package vn.danvan.assignment;

/** Escalation of chasing (đôn đốc) by how many times the work has been chased. */
public enum ChaseType {
  NHAC_NHO("Nhắc nhở"),
  PHE_BINH("Phê bình"),
  KIEM_DIEM("Kiểm điểm");

  private final String label;

  ChaseType(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The first chase reminds, the second criticises, every later one calls for self-criticism. */
  public static ChaseType forCount(int count) {
    return count <= 1 ? NHAC_NHO : count == 2 ? PHE_BINH : KIEM_DIEM;
  }
}
