package vn.danvan.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts the SQL statements the application sends: wraps its DataSource so that every {@code
 * execute*} call (a batch counts once) is counted, by statement text. Added to the application with
 * {@code --spring.main.sources=vn.danvan.bench.StatementCounter}.
 */
public class StatementCounter implements BeanPostProcessor {

  private static final LongAdder STATEMENTS = new LongAdder();

  /** By statement text: how many, and the nanoseconds spent waiting for them. */
  private static final Map<String, LongAdder[]> BY_SQL = new ConcurrentHashMap<>();

  @Override
  public Object postProcessAfterInitialization(Object bean, String name) {
    return bean instanceof DataSource ds ? wrap(ds, DataSource.class, null) : bean;
  }

  public static long count() {
    return STATEMENTS.sum();
  }

  public static void reset() {
    STATEMENTS.reset();
    BY_SQL.clear();
  }

  /** The {@code n} most frequent statements (their first 100 characters) and their counts. */
  public static Map<String, Long> top(int n) {
    return top(n, 0, 1);
  }

  /**
   * The {@code n} statements the application waited longest for (their first 100 characters) and
   * the milliseconds: the database's work, the network and, under load, the wait for a core.
   */
  public static Map<String, Long> slowest(int n) {
    return top(n, 1, 1_000_000);
  }

  private static Map<String, Long> top(int n, int figure, long unit) {
    Map<String, Long> top = new LinkedHashMap<>();
    BY_SQL.entrySet().stream()
        .sorted(
            Comparator.comparingLong(
                    (Map.Entry<String, LongAdder[]> e) -> e.getValue()[figure].sum())
                .reversed())
        .limit(n)
        .forEach(e -> top.put(e.getKey(), e.getValue()[figure].sum() / unit));
    return top;
  }

  private static Object wrap(Object target, Class<?> type, String sql) {
    InvocationHandler handler =
        (proxy, method, args) -> {
          long t0 = System.nanoTime();
          Object result = invoke(target, method, args);
          String name = method.getName();
          if (type == DataSource.class && name.equals("getConnection")) {
            return wrap(result, Connection.class, null);
          }
          if (type == Connection.class && name.equals("createStatement")) {
            return wrap(result, Statement.class, null);
          }
          if (type == Connection.class && name.equals("prepareStatement")) {
            return wrap(result, PreparedStatement.class, (String) args[0]);
          }
          if (type == Connection.class && name.equals("prepareCall")) {
            return wrap(result, CallableStatement.class, (String) args[0]);
          }
          if (Statement.class.isAssignableFrom(type) && name.startsWith("execute")) {
            STATEMENTS.increment();
            String text =
                sql != null ? sql : args != null && args.length > 0 ? (String) args[0] : "?";
            text = text.replaceAll("\\s+", " ").trim();
            LongAdder[] figures =
                BY_SQL.computeIfAbsent(
                    text.substring(0, Math.min(100, text.length())),
                    k -> new LongAdder[] {new LongAdder(), new LongAdder()});
            figures[0].increment();
            figures[1].add(System.nanoTime() - t0);
          }
          return result;
        };
    return Proxy.newProxyInstance(
        StatementCounter.class.getClassLoader(), new Class<?>[] {type}, handler);
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
