package io.tierzero.bot.analytics;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.scheduling.TaskExecutors;
import io.tierzero.bot.ids.Ids;
import jakarta.inject.Named;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ExecutorService;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts article reads: the article page ({@code /kb/<id>}) and the article as the widget opens it
 * ({@code /api/articles/<id>}), when it was found. Recorded off the request thread: a view is worth
 * a row, not a slower page.
 */
@ServerFilter(patterns = {"/kb/*", "/api/articles/*"})
class ArticleViews {
  private static final Logger LOG = LoggerFactory.getLogger(ArticleViews.class);

  private final DataSource dataSource;
  private final ExecutorService executor;

  ArticleViews(DataSource dataSource, @Named(TaskExecutors.BLOCKING) ExecutorService executor) {
    this.dataSource = AnalyticsStore.raw(dataSource);
    this.executor = executor;
  }

  @ResponseFilter
  void viewed(HttpRequest<?> request, MutableHttpResponse<?> response) {
    if (request.getMethod() != HttpMethod.GET || response.status() != HttpStatus.OK) return;
    var path = request.getPath();
    var id = path.substring(path.lastIndexOf('/') + 1);
    if (id.isEmpty() || id.length() > 200) return;
    var at = Instant.now().truncatedTo(ChronoUnit.MICROS);
    executor.execute(() -> record(id, at));
  }

  private void record(String articleId, Instant at) {
    try (var connection = dataSource.getConnection();
        var insert =
            connection.prepareStatement(
                "insert into article_view (id, article_id, viewed_at) values (?, ?, ?)")) {
      insert.setString(1, Ids.newId());
      insert.setString(2, articleId);
      insert.setObject(3, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
      insert.executeUpdate();
    } catch (SQLException | RuntimeException e) {
      LOG.warn("Article view of {} not recorded: {}", articleId, e.toString());
    }
  }
}
