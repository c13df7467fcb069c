package io.tierzero.bot;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Every value of every character column in a test bot's H2 database, read over plain JDBC outside
 * the bot's transactions: for tests that prove a secret is stored nowhere, whichever table a future
 * change adds.
 */
public final class DatabaseText {
  private DatabaseText() {}

  /**
   * Each non-null value as {@code table.column: value}; fails when the schema has no text columns.
   */
  public static List<String> everyValue(String jdbcUrl) throws SQLException {
    var columns = new ArrayList<String[]>();
    try (var connection = DriverManager.getConnection(jdbcUrl, "sa", "")) {
      try (var statement =
              connection.prepareStatement(
                  "select table_name, column_name from information_schema.columns where"
                      + " lower(table_schema) = 'public' and (lower(data_type) like '%char%' or"
                      + " lower(data_type) like '%text%' or lower(data_type) like '%clob%')");
          var rows = statement.executeQuery()) {
        while (rows.next()) columns.add(new String[] {rows.getString(1), rows.getString(2)});
      }
      if (columns.stream()
          .noneMatch(c -> c[0].equalsIgnoreCase("chat_message") && c[1].equalsIgnoreCase("body"))) {
        throw new AssertionError(
            "no chat_message.body among the text columns: the query missed the schema");
      }
      var values = new ArrayList<String>();
      for (var column : columns) {
        try (var statement =
                connection.prepareStatement(
                    "select \"" + column[1] + "\" from \"" + column[0] + "\"");
            var rows = statement.executeQuery()) {
          while (rows.next()) {
            var value = rows.getString(1);
            if (value != null)
              values.add(column[0].toLowerCase() + "." + column[1].toLowerCase() + ": " + value);
          }
        }
      }
      return values;
    }
  }
}
