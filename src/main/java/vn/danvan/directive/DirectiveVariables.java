package vn.danvan.directive;

/**
 * The directive's own record, as variables of its instance (the number is the business key and the
 * issue date {@code issuedDate}): what a person sees of the document and searches it by. Its trích
 * yếu is {@link vn.danvan.variable.SharedVariables#SUMMARY}: the board shows it too.
 */
public final class DirectiveVariables {

  /** Loại văn bản: Chỉ thị, Nghị quyết, Kế hoạch, Kết luận, Công văn… */
  public static final String DOCUMENT_TYPE = "documentType";

  /** Cơ quan ban hành, as the document names it (Ban Thường vụ Tỉnh ủy, UBND tỉnh…). */
  public static final String ISSUING_BODY = "issuingBody";

  /** Người ký: the signer's name (and title where the document gives it). */
  public static final String SIGNER = "signer";

  /** Độ khẩn: Thường, Khẩn, Thượng khẩn, Hỏa tốc. */
  public static final String URGENCY = "urgency";

  /** Độ mật: Thường, Mật, Tối mật, Tuyệt mật. */
  public static final String SECRECY = "secrecy";

  private DirectiveVariables() {}
}
