package io.tierzero.bot.channels.secret;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface SecretLinkRepository extends CrudRepository<SecretLink, String> {
  /**
   * Marks the link used if it is still usable; 1 when this call did, 0 when it was used, expired or
   * unknown. One statement, so two submissions at once cannot both use it.
   */
  @Query(
      "update secret_link set used_at = :now where token_hash = :tokenHash and used_at is null and"
          + " expires_at > :now")
  int use(String tokenHash, Instant now);

  void deleteByExpiresAtLessThan(Instant before);
}
