package vn.danvan.document;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/** How the product names a file it sends: the one {@code Content-Disposition} of every download. */
public final class Downloads {

  private Downloads() {}

  /**
   * {@code attachment; filename="…"; filename*=UTF-8''…} (RFC 6266, RFC 5987): the name as sent for
   * every current browser and client, an ASCII form of it (Vietnamese letters without their marks)
   * for the others.
   */
  public static String contentDisposition(String name) {
    String ascii =
        Normalizer.normalize(name.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .replaceAll("[^\\x20-\\x7e]|[\"\\\\]", "_");
    StringBuilder encoded = new StringBuilder();
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if (c < 0x80 && (Character.isLetterOrDigit(c) || "!#$&+-.^_`|~".indexOf(c) >= 0)) {
        encoded.append(c);
      } else {
        encoded.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
  }
}
