package vn.danvan.intake;

import java.time.LocalDate;
import java.util.List;

/**
 * What the product reads in a directive's text: its record (kind, number, issue date, issuer,
 * title) and its numbered items, in the text's order, with whatever could not be read.
 *
 * @param kind the kind of document as written (Chỉ thị, Nghị quyết, Kế hoạch…), or null
 * @param number the số/ký hiệu as written, or null
 * @param issued the issue date written in the text, or null
 * @param issuer the issuing body as written, or null
 * @param title the trích yếu (what the document is about), or null
 * @param items the items carrying an obligation or a standing duty, in the text's order
 * @param unread what could not be read, in Vietnamese, each naming its item where it has one
 */
public record DirectiveText(
    String kind,
    String number,
    LocalDate issued,
    String issuer,
    String title,
    List<Item> items,
    List<String> unread) {

  /**
   * One item of the text.
   *
   * @param number its numbering as in the text, outer levels joined by "." (e.g. "III.2", "2.a")
   * @param text the item's own text (its obligation), as written
   * @param block the block that carries it, or {@link Block#STANDING} when it is only listed
   * @param lead registry ids of the lead bodies (chủ trì); empty when none was matched
   * @param coordinating registry ids of the coordinating bodies (phối hợp)
   * @param bodyType a registry body type when the text names a type of bodies, or null
   * @param deadline the deadline phrase as written (one the phrase reader reads), or null
   * @param notes what could not be read of this item, in Vietnamese
   * @param bodyTypes every registry body type the item names, in the text's order ({@code bodyType}
   *     is the first), empty when none
   */
  public record Item(
      String number,
      String text,
      Block block,
      List<String> lead,
      List<String> coordinating,
      String bodyType,
      String deadline,
      List<String> notes,
      List<String> bodyTypes) {}

  /** The product's blocks an item becomes (issue table: one body, many, a cycle…). */
  public enum Block {
    /** One body does one piece of work. */
    ASSIGNMENT,
    /** The same work for many bodies, or for a type of body. */
    FANOUT,
    /** Reports every month, quarter, half-year or year. */
    PERIODIC_REPORT,
    /** Sơ kết / tổng kết. */
    REVIEW_MILESTONE,
    /** Dân vận khéo models to register, a quota per body. */
    SKILFUL_QUOTA,
    /** Đánh giá, xếp loại. */
    EVALUATION,
    /** A report when something happens ("khi có vụ việc phức tạp"). */
    ADHOC_REPORT,
    /** A standing duty without a deadline or deliverable: listed, not modelled. */
    STANDING
  }
}
