package vn.danvan.directive;

import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import vn.danvan.input.Inputs;
import vn.danvan.input.ModelUnderCheck;

/**
 * The number (số, ký hiệu) and issue date a directive model is started with, from its start event's
 * properties: {@code soKyHieu}, {@code ngayBanHanh} (yyyy-MM-dd), and {@code soKyHieuGiaDinh},
 * {@code ngayBanHanhGiaDinh} ({@code true} when the text has none and the model assumes them). The
 * start form shows them, the demo starts with them, a refused start names them.
 *
 * @param number the number, null when the model names none
 * @param issued the issue date, null when the model names none
 * @param record the rest of the document's record the model names ({@link DirectiveRecord})
 */
public record DirectiveIdentity(
    String number,
    boolean numberAssumed,
    LocalDate issued,
    boolean issuedAssumed,
    DirectiveRecord record) {

  public static final String NUMBER = "soKyHieu";
  public static final String NUMBER_ASSUMED = "soKyHieuGiaDinh";
  public static final String ISSUED = ModelUnderCheck.ISSUED_PROPERTY;
  public static final String ISSUED_ASSUMED = "ngayBanHanhGiaDinh";

  static final DirectiveIdentity NONE =
      new DirectiveIdentity(null, false, null, false, DirectiveRecord.NONE);

  /** What a start event names (nothing when it has no such properties). */
  public static DirectiveIdentity of(StartEvent start) {
    Map<String, String> properties = ModelUnderCheck.properties(start);
    String number = properties.get(NUMBER);
    String issued = properties.get(ISSUED);
    return new DirectiveIdentity(
        number == null || number.isBlank() ? null : number.trim(),
        Boolean.parseBoolean(properties.get(NUMBER_ASSUMED)),
        issued == null || issued.isBlank() ? null : LocalDate.parse(issued.trim()),
        Boolean.parseBoolean(properties.get(ISSUED_ASSUMED)),
        DirectiveRecord.of(properties));
  }

  boolean named() {
    return number != null || issued != null;
  }

  /** For a start refused without a number: the model's, assumed or the text's. */
  String numberHint() {
    if (number == null) {
      return "";
    }
    return numberAssumed
        ? "; văn bản này không ghi số: số giả định của mô hình là " + number
        : "; số của văn bản này là " + number;
  }

  /** For a start refused without a date: the model's, assumed or the text's. */
  String dateHint() {
    if (issued == null) {
      return "";
    }
    return issuedAssumed
        ? "; văn bản này không ghi ngày: ngày giả định của mô hình là " + Inputs.day(issued)
        : "; ngày ban hành của văn bản này là " + Inputs.day(issued);
  }
}
