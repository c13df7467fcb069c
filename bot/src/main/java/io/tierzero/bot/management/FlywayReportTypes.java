package io.tierzero.bot.management;

import io.micronaut.serde.annotation.SerdeImport;
import org.flywaydb.core.internal.resolver.java.JavaMigrationExecutor;

/**
 * The {@code /flyway} management report lists each migration's executor; Micronaut's Flyway module
 * imports the SQL one for serialisation, not the Java one that V53 uses, so without this the report
 * fails to encode.
 */
@SerdeImport(JavaMigrationExecutor.class)
final class FlywayReportTypes {
  private FlywayReportTypes() {}
}
