package io.tierzero.bot.channels;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface ChannelConversationRepository extends CrudRepository<ChannelConversation, String> {
  Optional<ChannelConversation> findByConversationId(String conversationId);
}
