package vn.danvan.engine;

import java.sql.Connection;
import org.camunda.bpm.engine.impl.context.Context;

/**
 * The JDBC connection of the engine command running now, for the product's own SQL: what it reads
 * and writes commits or rolls back with the engine's transaction.
 */
public final class EngineConnection {

  private EngineConnection() {}

  /** Only inside an engine command (a delegate, a listener, a transaction listener). */
  public static Connection current() {
    return Context.getCommandContext().getDbSqlSession().getSqlSession().getConnection();
  }
}
