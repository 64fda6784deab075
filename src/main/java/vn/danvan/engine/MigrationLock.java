package vn.danvan.engine;

import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import liquibase.integration.spring.SpringLiquibase;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanInitializationException;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Nodes that start at the same moment on one empty PostgreSQL database both create Liquibase's own
 * tables, and the second fails ("relation databasechangelog already exists", found by ClusterIT):
 * Liquibase's lock only works once its tables exist. The whole migration therefore runs under a
 * {@link ClusterLock}, taken before Liquibase starts and released after it finished; the other node
 * waits, then finds the schema up to date. (If the migration fails the node stops, and its
 * connection, with the lock, closes.) Under the same lock, before Liquibase reads its table, the
 * engine's changesets a database got from the other engine build become this build's ({@link
 * EngineChangelog}).
 */
@Component
class MigrationLock implements BeanPostProcessor {

  private final Map<String, ClusterLock> held = new ConcurrentHashMap<>();

  @Override
  public Object postProcessBeforeInitialization(Object bean, String name) throws BeansException {
    if (bean instanceof SpringLiquibase liquibase && liquibase.getDataSource() != null) {
      try {
        held.put(
            name,
            ClusterLock.acquire(liquibase.getDataSource(), ClusterLock.Purpose.SCHEMA_MIGRATION));
      } catch (SQLException e) {
        throw new BeanInitializationException("Không lấy được khóa nâng cấp cơ sở dữ liệu", e);
      }
      try {
        EngineChangelog.carryOver(liquibase.getDataSource());
      } catch (SQLException e) {
        throw new BeanInitializationException(
            "Không ghi nhận được lịch sử nâng cấp của engine trước (databasechangelog)", e);
      }
    }
    return bean;
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String name) throws BeansException {
    ClusterLock lock = held.remove(name);
    if (lock != null) {
      try {
        lock.close();
      } catch (SQLException e) {
        throw new BeanInitializationException("Không trả được khóa nâng cấp cơ sở dữ liệu", e);
      }
    }
    return bean;
  }
}
