package vn.danvan.document;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import vn.danvan.deadline.Deadlines;

/**
 * One digital signature of a PDF as {@link SignedPdfs} found it.
 *
 * @param signer the common name (CN) of the signer's certificate, empty when unknown
 * @param organization the organisation (O) of the signer's certificate, empty when unknown
 * @param signedAt when it was signed: the CMS signing-time attribute, else the time the signature
 *     dictionary states (M); null when neither is there
 * @param revision the revision of the file it signs, 1 for the first (counted by end-of-file
 *     markers); 0 when its byte ranges cannot be read
 * @param revisions the revisions the file has
 * @param coversWholeDocument whether its byte ranges reach the end of the file: nothing was added
 *     after it
 * @param intact whether the CMS signature verifies over the signed bytes: their digest is the one
 *     signed and the signature over the signed attributes verifies with the signer's public key
 * @param certificateValidAtSigning whether the signer's certificate was within its validity at
 *     {@code signedAt}
 * @param trust whether the certificate chains up to a configured certification authority
 * @param status the verdict, the worst finding first
 */
public record PdfSignature(
    String signer,
    String organization,
    Instant signedAt,
    int revision,
    int revisions,
    boolean coversWholeDocument,
    boolean intact,
    boolean certificateValidAtSigning,
    Trust trust,
    Status status) {

  static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

  /** "Nguyễn Văn An, Sở Nội vụ tỉnh Mẫu": the signer's name and organisation as people read it. */
  public String signerName() {
    if (signer.isEmpty() || organization.isEmpty()) {
      return signer + organization;
    }
    return signer + ", " + organization;
  }

  /** The signing time in Asia/Ho_Chi_Minh, dd/MM/yyyy HH:mm; empty when unknown. */
  public String signedAtShown() {
    return signedAt == null ? "" : SHOWN.format(signedAt.atZone(Deadlines.ZONE));
  }

  /**
   * The verdict as people read it: the status, which revision an amended document's signature
   * covers, and that the chain of trust was not checked when no authority is configured.
   */
  public String verdict() {
    String text = status.text();
    if (status == Status.AMENDED) {
      text += " (chữ ký áp dụng cho phiên bản " + revision + "/" + revisions + ")";
    }
    if (trust == Trust.NOT_CHECKED && (status == Status.VALID || status == Status.AMENDED)) {
      text += "; " + Trust.NOT_CHECKED.text();
    }
    return text;
  }

  /**
   * What the check of a signature found (the first failing of: structure, bytes, certificate,
   * trust, later revisions).
   */
  public enum Status {
    VALID("Chữ ký hợp lệ"),
    /** The signed bytes no longer match the signature. */
    MODIFIED("Văn bản đã bị sửa sau khi ký"),
    /** The signature was not made with the key of the certificate it names as the signer's. */
    NOT_SIGNERS_KEY("Chữ ký số không khớp với chứng thư số của người ký"),
    /** The signed revision is intact, and later revisions were appended to the file. */
    AMENDED("Văn bản đã được bổ sung sau khi ký"),
    CERTIFICATE_EXPIRED("Chứng thư số đã hết hạn khi ký"),
    CERTIFICATE_NOT_YET_VALID("Chứng thư số chưa có hiệu lực khi ký"),
    UNTRUSTED("Chứng thư số không do tổ chức chứng thực tin cậy cấp"),
    /** Byte ranges or CMS structure that cannot be read. */
    MALFORMED("Chữ ký số sai cấu trúc, không kiểm tra được"),
    TOO_LARGE("Chữ ký số quá lớn, không kiểm tra"),
    /** A kind of signature the product does not check (e.g. a document time-stamp). */
    UNSUPPORTED("Không kiểm tra được kiểu chữ ký số này");

    private final String text;

    Status(String text) {
      this.text = text;
    }

    public String text() {
      return text;
    }
  }

  /** Whether the signer's certificate chains up to a configured certification authority. */
  public enum Trust {
    TRUSTED("Chứng thư số do tổ chức chứng thực tin cậy cấp"),
    UNTRUSTED("Chứng thư số không do tổ chức chứng thực tin cậy cấp"),
    /** No certification authority is configured, or the signature could not be read. */
    NOT_CHECKED("không kiểm tra được chuỗi tin cậy");

    private final String text;

    Trust(String text) {
      this.text = text;
    }

    public String text() {
      return text;
    }
  }
}
