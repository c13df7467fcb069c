package io.tierzero.bot;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class that drives Debian's Chromium ({@link Browser}). Without it installed the class is
 * reported skipped with the reason, instead of disappearing; with {@code
 * TIERZERO_REQUIRE_BROWSER=true} (set by {@code .ci/run}) it runs anyway and fails.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(BrowserCondition.class)
public @interface RequiresBrowser {}
