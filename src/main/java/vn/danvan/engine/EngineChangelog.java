package vn.danvan.engine;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The engine's Liquibase changelog on a database the other engine build made. The postgres
 * profile's {@code db/changelog/master.xml} includes the engine's changelog by its path inside the
 * engine jar: Camunda's {@code org/camunda/bpm/engine/db/liquibase/camunda-changelog.xml},
 * Operaton's {@code org/operaton/bpm/engine/db/liquibase/operaton-changelog.xml}. Liquibase knows a
 * changeset by id, author and that path, so the Operaton build would take the schema the Camunda
 * build made for a new one and run Camunda 7.16's baseline again (and fail on the first table). The
 * two changelogs run the same SQL (Operaton 1.0's scripts are Camunda 7.24's), under the same ids;
 * the authors of the last two ({@code 7.23-to-7.24}, {@code 7.24.0-tag}) are "Operaton", and
 * Operaton has no {@code 7.22.0-tag}.
 *
 * <p>Before Liquibase runs, the rows of the other engine's changelog in {@code databasechangelog}
 * therefore become rows of this build's: its path, the author this build's changelog gives the id,
 * and no checksum (Liquibase stores this build's at the run, instead of refusing a file whose
 * licence header differs). A row whose id this build's changelog lacks keeps its author. Nothing
 * else is touched, and on a database only one build used there is nothing to do.
 */
final class EngineChangelog {

  /** This build's engine changelog, as master.xml includes it (rewritten in the Operaton build). */
  static final String PATH = "org/camunda/bpm/engine/db/liquibase/camunda-changelog.xml";

  /** Either engine's changelog, as Liquibase records it. */
  private static final String EITHER = "%/bpm/engine/db/liquibase/%-changelog.xml";

  private static final Logger LOG = LoggerFactory.getLogger(EngineChangelog.class);

  private EngineChangelog() {}

  /** A changeset as Liquibase recorded it. */
  record Row(String id, String author, String file) {}

  /** Makes the other engine build's rows this build's; returns how many. */
  static int carryOver(DataSource dataSource) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      String table = changelogTable(connection);
      if (table == null) {
        return 0;
      }
      List<Row> others = new ArrayList<>();
      try (PreparedStatement select =
          connection.prepareStatement(
              "select id, author, filename from " + table + " where filename like ?")) {
        select.setString(1, EITHER);
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            Row row = new Row(rows.getString(1), rows.getString(2), rows.getString(3));
            if (!row.file().endsWith(PATH)) {
              others.add(row);
            }
          }
        }
      }
      if (others.isEmpty()) {
        return 0;
      }
      Map<String, String> authors = authors();
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try (PreparedStatement update =
          connection.prepareStatement(
              "update "
                  + table
                  + " set filename = ?, author = ?, md5sum = null"
                  + " where id = ? and author = ? and filename = ?")) {
        for (Row row : others) {
          update.setString(1, row.file().substring(0, row.file().indexOf("org/")) + PATH);
          update.setString(2, authors.getOrDefault(row.id(), row.author()));
          update.setString(3, row.id());
          update.setString(4, row.author());
          update.setString(5, row.file());
          update.addBatch();
        }
        update.executeBatch();
        connection.commit();
      } catch (SQLException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(autoCommit);
      }
      LOG.info(
          "Cơ sở dữ liệu do bản dựng engine khác tạo: {} changeset của engine ({}) được ghi nhận"
              + " là của {}",
          others.size(),
          others.get(0).file(),
          PATH);
      return others.size();
    }
  }

  /** Liquibase's table as the database names it (lower case on PostgreSQL), or null. */
  private static String changelogTable(Connection connection) throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    for (String name : List.of("databasechangelog", "DATABASECHANGELOG")) {
      try (ResultSet tables =
          meta.getTables(connection.getCatalog(), connection.getSchema(), name, null)) {
        if (tables.next()) {
          return name;
        }
      }
    }
    return null;
  }

  /** Id → author of every changeset of this build's engine changelog. */
  static Map<String, String> authors() {
    try (InputStream in = EngineChangelog.class.getClassLoader().getResourceAsStream(PATH)) {
      if (in == null) {
        throw new IllegalStateException("engine changelog " + PATH + " not on the class path");
      }
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      NodeList changeSets =
          factory.newDocumentBuilder().parse(in).getElementsByTagNameNS("*", "changeSet");
      Map<String, String> authors = new HashMap<>();
      for (int i = 0; i < changeSets.getLength(); i++) {
        Element changeSet = (Element) changeSets.item(i);
        authors.put(changeSet.getAttribute("id"), changeSet.getAttribute("author"));
      }
      return authors;
    } catch (IOException | ParserConfigurationException | SAXException e) {
      throw new IllegalStateException("engine changelog " + PATH + " unreadable", e);
    }
  }
}
