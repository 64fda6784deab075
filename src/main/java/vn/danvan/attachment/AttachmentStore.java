package vn.danvan.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The attachments in the product's own tables ({@code danvan_attachment}, its content in {@code
 * danvan_attachment_part}): the content is written and read a part of {@value #PART} bytes at a
 * time, streamed through JDBC, so no file is ever held whole in memory, on H2 as on PostgreSQL. The
 * caller runs {@link #save} in one transaction: a failure stores nothing.
 */
@Component
class AttachmentStore {

  static final int PART = 256 * 1024;

  /**
   * What is kept of a file; {@code taskId} null for a process instance's own file; {@code
   * signature} what a PDF's digital signatures say (null for other files).
   */
  record Attachment(
      String id,
      String taskId,
      String processInstanceId,
      List<String> ownerGroups,
      String name,
      String mimeType,
      long size,
      String userId,
      Instant created,
      String signature) {}

  private final JdbcTemplate jdbc;

  AttachmentStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Stores {@code content} ({@code size} bytes) as a new attachment; returns it. */
  Attachment save(
      String taskId,
      String processInstanceId,
      List<String> ownerGroups,
      String name,
      String mimeType,
      long size,
      String userId,
      String signature,
      InputStream content) {
    Attachment attachment =
        new Attachment(
            UUID.randomUUID().toString(),
            taskId,
            processInstanceId,
            ownerGroups,
            name,
            mimeType,
            size,
            userId,
            Instant.now(),
            signature);
    jdbc.update(
        "insert into danvan_attachment (id_, task_id_, proc_inst_id_, owner_groups_, name_,"
            + " mime_type_, size_, user_id_, created_, signature_)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        attachment.id(),
        taskId,
        processInstanceId,
        String.join(",", ownerGroups),
        name,
        mimeType,
        size,
        userId,
        Timestamp.from(attachment.created()),
        signature);
    try {
      byte[] part = new byte[PART];
      long written = 0;
      for (int seq = 0; ; seq++) {
        int n = content.readNBytes(part, 0, PART);
        if (n <= 0) {
          break;
        }
        int length = n;
        int index = seq;
        jdbc.update(
            "insert into danvan_attachment_part (attachment_id_, seq_, data_) values (?, ?, ?)",
            ps -> {
              ps.setString(1, attachment.id());
              ps.setInt(2, index);
              ps.setBinaryStream(3, new java.io.ByteArrayInputStream(part, 0, length), length);
            });
        written += n;
      }
      if (written != size) {
        throw new IllegalStateException(
            "attachment " + attachment.id() + ": " + written + " bytes read, " + size + " sent");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return attachment;
  }

  Optional<Attachment> find(String id) {
    return jdbc
        .query("select * from danvan_attachment where id_ = ?", AttachmentStore::row, id)
        .stream()
        .findFirst();
  }

  List<Attachment> ofTask(String taskId) {
    return where("task_id_ = ?", taskId);
  }

  /** The files of every task of the instance, oldest first. */
  List<Attachment> ofInstanceTasks(String processInstanceId) {
    return where("proc_inst_id_ = ? and task_id_ is not null", processInstanceId);
  }

  /** The instance's own files (a directive's), oldest first. */
  List<Attachment> ofProcessInstance(String processInstanceId) {
    return where("task_id_ is null and proc_inst_id_ = ?", processInstanceId);
  }

  private List<Attachment> where(String condition, String id) {
    return jdbc.query(
        "select * from danvan_attachment where " + condition + " order by created_, id_",
        AttachmentStore::row,
        id);
  }

  /** Bytes already kept for a task (or, {@code taskId} null, for an instance's own files). */
  long total(String taskId, String processInstanceId) {
    Long total =
        taskId != null
            ? jdbc.queryForObject(
                "select coalesce(sum(size_), 0) from danvan_attachment where task_id_ = ?",
                Long.class,
                taskId)
            : jdbc.queryForObject(
                "select coalesce(sum(size_), 0) from danvan_attachment"
                    + " where task_id_ is null and proc_inst_id_ = ?",
                Long.class,
                processInstanceId);
    return total == null ? 0 : total;
  }

  /** Writes the content of {@code attachment} to {@code out}, part by part. */
  void copy(Attachment attachment, OutputStream out) throws IOException {
    int parts = (int) ((attachment.size() + PART - 1) / PART);
    for (int seq = 0; seq < parts; seq++) {
      jdbc.query(
          "select data_ from danvan_attachment_part where attachment_id_ = ? and seq_ = ?",
          rs -> {
            try (InputStream in = rs.getBinaryStream(1)) {
              in.transferTo(out);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          },
          attachment.id(),
          seq);
    }
    out.flush();
  }

  private static Attachment row(ResultSet rs, int n) throws SQLException {
    String groups = rs.getString("owner_groups_");
    return new Attachment(
        rs.getString("id_"),
        rs.getString("task_id_"),
        rs.getString("proc_inst_id_"),
        groups == null || groups.isEmpty() ? List.of() : List.of(groups.split(",")),
        rs.getString("name_"),
        rs.getString("mime_type_"),
        rs.getLong("size_"),
        rs.getString("user_id_"),
        rs.getTimestamp("created_").toInstant(),
        rs.getString("signature_"));
  }
}
