package io.tierzero.bot;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class (or method) that runs against PostgreSQL ({@link Postgres}). Without a reachable
 * server it is reported skipped with the reason, test by test, instead of disappearing; with {@code
 * TIERZERO_REQUIRE_POSTGRES=true} it runs anyway and fails, so CI cannot skip it.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(PostgresCondition.class)
public @interface RequiresPostgres {}
