package vn.danvan.attachment;

import jakarta.servlet.MultipartConfigElement;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Uploads are spooled to disk past {@value #IN_MEMORY} bytes, never held whole in memory. A part
 * may be any size to Tomcat: the product refuses a file over {@code
 * danvan.attachments.max-file-size} itself, once received, with its own message (413); a request
 * larger than that and 1 MB more is cut off by Tomcat while it arrives (413 as well).
 */
@Configuration
@EnableConfigurationProperties(AttachmentProperties.class)
class AttachmentConfiguration {

  static final int IN_MEMORY = 256 * 1024;

  @Bean
  MultipartConfigElement multipartConfigElement(AttachmentProperties limits) {
    return new MultipartConfigElement(
        "", -1, limits.maxFileSize().toBytes() + 1024 * 1024, IN_MEMORY);
  }
}
