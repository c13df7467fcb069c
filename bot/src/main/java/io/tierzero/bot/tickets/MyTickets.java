package io.tierzero.bot.tickets;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** The tickets raised from the conversations a browser started, most recently updated first. */
@Serdeable
public record MyTickets(List<TicketReceipt> tickets) {
  public MyTickets {
    // An empty list is left out of the JSON: a client reading it back sees null.
    tickets = tickets == null ? List.of() : List.copyOf(tickets);
  }
}
