package vn.danvan.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The signature check of attached documents, with the certification authorities it trusts: {@code
 * danvan.documents.trusted-authorities} names a PEM file of their certificates (none by default:
 * the chain of trust is then reported as not checked).
 */
@Configuration
class DocumentConfiguration {

  @Bean
  SignedPdfs signedPdfs(@Value("${danvan.documents.trusted-authorities:}") String file) {
    if (file.isBlank()) {
      return new SignedPdfs();
    }
    try (InputStream pem = Files.newInputStream(Path.of(file))) {
      return new SignedPdfs(SignedPdfs.certificates(pem));
    } catch (IOException e) {
      throw new UncheckedIOException("danvan.documents.trusted-authorities: " + file, e);
    }
  }
}
