package io.tierzero.bot.channels.email;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.tierzero.bot.Application;
import io.tierzero.bot.Postgres;
import io.tierzero.bot.RequiresPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;

/**
 * The same mails on PostgreSQL, in a schema of its own: there a duplicate key aborts the whole
 * transaction a mail is taken in, where H2 fails only the statement. Skipped when PostgreSQL is
 * unreachable, failed instead when {@code TIERZERO_REQUIRE_POSTGRES=true}.
 */
@RequiresPostgres
@MicronautTest(transactional = false, environments = Application.DEMO_ENVIRONMENT)
class EmailChannelPostgresTest extends EmailChannelTest {
  private String schema;

  @Override
  public Map<String, String> getProperties() {
    schema = Postgres.newSchema();
    var properties = new HashMap<>(super.getProperties());
    properties.putAll(Postgres.properties(schema));
    jdbcUrl = properties.get("datasources.default.url");
    return properties;
  }

  @Override
  Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl, Postgres.USER, Postgres.PASSWORD);
  }

  @Override
  List<String> storedValues() throws SQLException {
    var values = new ArrayList<String>();
    try (var connection = connect()) {
      var columns = new ArrayList<String[]>();
      try (var statement =
          connection.prepareStatement(
              "select table_name, column_name from information_schema.columns where table_schema ="
                  + " ? and (data_type like '%char%' or data_type = 'text')")) {
        statement.setString(1, schema);
        try (var rows = statement.executeQuery()) {
          while (rows.next()) columns.add(new String[] {rows.getString(1), rows.getString(2)});
        }
      }
      if (columns.isEmpty()) throw new AssertionError("no text columns in " + schema);
      for (var column : columns) {
        try (var rows =
            connection
                .createStatement()
                .executeQuery("select \"" + column[1] + "\" from \"" + column[0] + "\"")) {
          while (rows.next()) {
            if (rows.getString(1) != null)
              values.add(column[0] + "." + column[1] + ": " + rows.getString(1));
          }
        }
      }
    }
    return values;
  }

  @AfterAll
  void dropSchema() {
    Postgres.dropSchema(schema);
  }
}
