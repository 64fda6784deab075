package vn.danvan.intake;

import java.text.Normalizer;
import java.util.Locale;

/**
 * A text with accents and case aside, one character for one: "Ủy ban Nhân dân" reads "uy ban nhan
 * dan", "đ" reads "d", every sign other than a letter or digit reads as a space. Positions in the
 * folded text are positions in the written one, so what is found folded is quoted as written.
 */
final class Folded {

  private Folded() {}

  static String fold(String text) {
    StringBuilder folded = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      char base;
      if (c == 'đ' || c == 'Đ') {
        base = 'd';
      } else if (c < 0x80) {
        base = c;
      } else {
        String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
        base = decomposed.charAt(0);
      }
      base = Character.toLowerCase(base);
      folded.append(Character.isLetterOrDigit(base) ? base : ' ');
    }
    return folded.toString();
  }

  /** Folded, with single spaces and no spaces at the ends: for comparing names. */
  static String words(String text) {
    return fold(text).trim().replaceAll(" +", " ").toLowerCase(Locale.ROOT);
  }
}
