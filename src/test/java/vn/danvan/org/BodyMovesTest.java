package vn.danvan.org;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** How a variable that names an ended body is rewritten for its heir. */
class BodyMovesTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aTextNamesTheBodyAloneOrInAListAndTheHeirComesOnce() {
    assertThat(BodyMoves.replacedList("soLDTBXH", "soLDTBXH", "soNoiVu")).isEqualTo("soNoiVu");
    assertThat(BodyMoves.replacedList("soTaiChinh, soLDTBXH,mttqTinh", "soLDTBXH", "soNoiVu"))
        .isEqualTo("soTaiChinh, soNoiVu, mttqTinh");
    assertThat(BodyMoves.replacedList("soNoiVu, soLDTBXH", "soLDTBXH", "soNoiVu"))
        .isEqualTo("soNoiVu");
    // a longer id that starts the same is another body
    assertThat(BodyMoves.replacedList("soLDTBXHCu, soTaiChinh", "soLDTBXH", "soNoiVu")).isNull();
    assertThat(BodyMoves.instanceNamed("leadBody", "soLDTBXH", "soLDTBXH")).isTrue();
    assertThat(BodyMoves.instanceNamed("taskContent", "soLDTBXH", "soLDTBXH")).isFalse();
  }

  @Test
  void jsonListsAndMapsOfBodiesAreRewrittenTheRestKept() throws Exception {
    // a fan-out's bodyList, a quota's bodies
    assertThat(
            BodyMoves.replaced(
                    JSON.readTree("[\"soNoiVu\",\"soLDTBXH\",\"mttqTinh\"]"), "soLDTBXH", "soNoiVu")
                .toString())
        .isEqualTo("[\"soNoiVu\",\"mttqTinh\"]");
    // a chase chunk's members (instance → body)
    assertThat(
            BodyMoves.replaced(
                    JSON.readTree("{\"pi1\":\"soLDTBXH\",\"pi2\":\"soTaiChinh\"}"),
                    "soLDTBXH",
                    "soNoiVu")
                .toString())
        .isEqualTo("{\"pi1\":\"soNoiVu\",\"pi2\":\"soTaiChinh\"}");
    // an evaluation's options: the value changes, a label that is not an id stays
    assertThat(
            BodyMoves.replaced(
                    JSON.readTree("[{\"label\":\"Sở LĐTBXH\",\"value\":\"soLDTBXH\"}]"),
                    "soLDTBXH",
                    "soNoiVu")
                .toString())
        .isEqualTo("[{\"label\":\"Sở LĐTBXH\",\"value\":\"soNoiVu\"}]");
    assertThat(BodyMoves.replaced(JSON.readTree("[\"soTaiChinh\"]"), "soLDTBXH", "soNoiVu"))
        .isNull();
  }
}
