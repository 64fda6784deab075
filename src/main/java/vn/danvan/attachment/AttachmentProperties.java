package vn.danvan.attachment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code danvan.attachments.*}: how large an attached file and a task's files may be.
 *
 * @param maxFileSize one file at most (default 20 MB)
 * @param maxTaskTotal every file of one task, or of one process instance, together (100 MB)
 * @param maxUnpackedSize what a DOCX/XLSX/ODT/ODS may unpack to at most (200 MB)
 * @param maxUnpackRatio how many times its own size such a file may unpack to, once it unpacks past
 *     10 MB (100)
 */
@ConfigurationProperties("danvan.attachments")
record AttachmentProperties(
    DataSize maxFileSize, DataSize maxTaskTotal, DataSize maxUnpackedSize, Integer maxUnpackRatio) {

  AttachmentProperties {
    maxFileSize = maxFileSize == null ? DataSize.ofMegabytes(20) : maxFileSize;
    maxTaskTotal = maxTaskTotal == null ? DataSize.ofMegabytes(100) : maxTaskTotal;
    maxUnpackedSize = maxUnpackedSize == null ? DataSize.ofMegabytes(200) : maxUnpackedSize;
    maxUnpackRatio = maxUnpackRatio == null ? 100 : maxUnpackRatio;
  }
}
