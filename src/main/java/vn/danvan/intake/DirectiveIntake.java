package vn.danvan.intake;

import org.springframework.stereotype.Component;
import vn.danvan.org.OrgRegistry;

/**
 * Reads an uploaded directive (.docx, .pdf with a text layer, .txt) into its record and items,
 * matching the bodies it names to the registry in force: {@link DocumentText}, then {@link
 * DirectiveReader}. A file that cannot be read is refused in Vietnamese ({@link
 * vn.danvan.input.InvalidInputException}).
 */
@Component
public class DirectiveIntake {

  private final OrgRegistry registry;

  public DirectiveIntake(OrgRegistry registry) {
    this.registry = registry;
  }

  /** The directive an uploaded file holds; {@code name} only names the file in a refusal. */
  public DirectiveText read(byte[] content, String name) {
    return readText(DocumentText.of(content, name));
  }

  /** The directive a text holds (pasted, or already taken from a file). */
  public DirectiveText readText(String text) {
    return new DirectiveReader(registry).read(text);
  }
}
