package io.tierzero.bot;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * A JDBC driver in front of the real one that counts, per thread, the statements a thread runs and
 * the commits it makes: {@code jdbc:counting:h2:...} opens {@code jdbc:h2:...}. Tests use it to
 * bound what one chat turn costs the database, which a timing could not pin down. A statement run
 * with auto-commit on counts as a commit too, since it is one.
 */
public final class CountingDriver implements Driver {
  public static final String PREFIX = "jdbc:counting:";

  /** What the current thread ran since {@link #reset()}: each SQL text in order, and commits. */
  public record Counts(List<String> statements, int commits) {}

  private static final class Tally {
    final List<String> statements = new ArrayList<>();
    int commits;
  }

  private static final ThreadLocal<Tally> TALLY = ThreadLocal.withInitial(Tally::new);

  static {
    try {
      DriverManager.registerDriver(new CountingDriver());
    } catch (SQLException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** {@code url} of the real database as this driver's url. */
  public static String url(String url) {
    return PREFIX + url.substring("jdbc:".length());
  }

  public static void reset() {
    TALLY.remove();
  }

  public static Counts counts() {
    var tally = TALLY.get();
    return new Counts(List.copyOf(tally.statements), tally.commits);
  }

  @Override
  public Connection connect(String url, Properties info) throws SQLException {
    if (!acceptsURL(url)) return null;
    var real = DriverManager.getConnection("jdbc:" + url.substring(PREFIX.length()), info);
    return proxy(Connection.class, new ConnectionCounter(real));
  }

  @Override
  public boolean acceptsURL(String url) {
    return url != null && url.startsWith(PREFIX);
  }

  @Override
  public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
    return new DriverPropertyInfo[0];
  }

  @Override
  public int getMajorVersion() {
    return 1;
  }

  @Override
  public int getMinorVersion() {
    return 0;
  }

  @Override
  public boolean jdbcCompliant() {
    return false;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  private static <T> T proxy(Class<T> type, InvocationHandler handler) {
    return type.cast(
        Proxy.newProxyInstance(
            CountingDriver.class.getClassLoader(), new Class<?>[] {type}, handler));
  }

  private static Object call(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private static final class ConnectionCounter implements InvocationHandler {
    private final Connection real;

    ConnectionCounter(Connection real) {
      this.real = real;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      var result = call(real, method, args);
      switch (method.getName()) {
        case "commit" -> TALLY.get().commits++;
        case "prepareStatement" -> {
          return proxy(
              PreparedStatement.class,
              new StatementCounter((Statement) result, real, (String) args[0]));
        }
        case "prepareCall" -> {
          return proxy(
              CallableStatement.class,
              new StatementCounter((Statement) result, real, (String) args[0]));
        }
        case "createStatement" -> {
          return proxy(Statement.class, new StatementCounter((Statement) result, real, null));
        }
        default -> {}
      }
      return result;
    }
  }

  private static final class StatementCounter implements InvocationHandler {
    private final Statement real;
    private final Connection connection;
    private final String sql;

    StatementCounter(Statement real, Connection connection, String sql) {
      this.real = real;
      this.connection = connection;
      this.sql = sql;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      var result = call(real, method, args);
      if (method.getName().startsWith("execute")) {
        var tally = TALLY.get();
        tally.statements.add(sql != null ? sql : String.valueOf(args == null ? "" : args[0]));
        if (connection.getAutoCommit()) tally.commits++;
      }
      return result;
    }
  }
}
