package vn.danvan.rehearsal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * An engine without Spring's Liquibase (a rehearsal's, the process tests'): create the product's
 * tables from the same SQL files the Liquibase changelog applies.
 */
class ProductSchemaPlugin extends AbstractProcessEnginePlugin {

  static final String[] SCRIPTS = {
    "db/changelog/danvan-1-fanout.sql",
    "db/changelog/danvan-4-lock.sql",
    "db/changelog/danvan-7-chase-notice.sql",
    "db/changelog/danvan-11-digest.sql"
  };

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    try (Connection connection = configuration.getDataSource().getConnection();
        Statement statement = connection.createStatement()) {
      for (String script : SCRIPTS) {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(script)) {
          statement.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
      }
    } catch (SQLException | IOException e) {
      throw new IllegalStateException("Cannot create the product's tables", e);
    }
  }
}
