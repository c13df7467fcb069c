package io.tierzero.bot.tickets;

import static io.tierzero.bot.tickets.TicketsTestApp.AGENT;
import static io.tierzero.bot.tickets.TicketsTestApp.AGENT_HASH;
import static io.tierzero.bot.tickets.TicketsTestApp.AGENT_PASSWORD;
import static io.tierzero.bot.tickets.TicketsTestApp.TOKEN;
import static io.tierzero.bot.tickets.TicketsTestApp.basic;
import static io.tierzero.bot.tickets.TicketsTestApp.form;
import static io.tierzero.bot.tickets.TicketsTestApp.send;
import static io.tierzero.bot.tickets.TicketsTestApp.submit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.sun.net.httpserver.HttpServer;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tierzero.bot.ConsoleForms;
import io.tierzero.bot.chat.Transcript;
import io.tierzero.bot.conversations.StartedConversation;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * An agent works tickets through the console's forms (with their CSRF tokens, over real HTTP) and
 * the agents' API: takes one, moves its status only where its life allows, replies. Each change is
 * on the ticket's history, reaches a real webhook receiver exactly once under its own key, and what
 * the requester should hear is in their conversation, where the widget polls for it.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgentActionsTest implements TestPropertyProvider {
  static final String OTHER_AGENT = "bob";
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  private final ObjectMapper json = ObjectMapper.getDefault();
  private final Map<String, List<TicketMessage>> received = new ConcurrentHashMap<>();
  private final HttpServer receiver = receiver();

  @Inject EmbeddedServer server;

  @Inject
  @Client("/")
  HttpClient client;

  ConsoleForms forms;

  @Override
  public Map<String, String> getProperties() {
    var properties = new HashMap<>(TicketsTestApp.properties());
    properties.put("tierzero.security.agents." + OTHER_AGENT + ".password-hash", AGENT_HASH);
    properties.put(
        "tierzero.tickets.webhooks.helpdesk.url",
        "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
    properties.put("tierzero.tickets.webhooks.helpdesk.secret", "queue-hook-secret");
    properties.put("tierzero.tickets.outbox.poll-interval", "50ms");
    properties.put("tierzero.tickets.outbox.initial-delay", "0ms");
    properties.put("tierzero.tickets.outbox.initial-backoff", "20ms");
    properties.put("tierzero.tickets.outbox.max-backoff", "200ms");
    return properties;
  }

  @BeforeEach
  void console() {
    forms = new ConsoleForms("http://127.0.0.1:" + server.getPort());
  }

  @AfterAll
  void stopReceiver() {
    receiver.stop(0);
  }

  @Test
  void
      an_agent_takes_moves_and_replies_in_the_console_and_each_change_is_recorded_delivered_once_and_told() {
    var c = conversation();
    var ticket = raise(c, "my screen flickers");
    var seen = lastMessageId(c);
    var session = forms.signIn(AGENT, AGENT_PASSWORD);

    var page = forms.get("/console/tickets/" + ticket.number(), session);
    assertTrue(page.body().contains("Take this ticket"), page.body());
    // Only the moves a new ticket may make are offered; "new" itself only as the current status.
    assertTrue(
        page.body().contains("<option value=\"new\" selected>new (now)</option>"), page.body());

    var taken = post(ticket, session, Map.of("assignee", AGENT));
    assertEquals(303, taken.statusCode(), taken.body());
    var opened =
        post(
            ticket,
            session,
            Map.of(
                "status", "open", "reply", "I'm on it: try unplugging the dock for ten seconds."));
    assertEquals(303, opened.statusCode(), opened.body());
    var after = forms.get(opened.headers().firstValue("Location").orElseThrow(), session);
    assertTrue(after.body().contains("Saved: status, reply."), after.body());
    assertFalse(after.body().contains("Take this ticket"), "taken by this agent already");

    var view = agentView(ticket.number());
    assertEquals(AGENT, view.assignee());
    assertEquals(TicketStatus.OPEN, view.status());
    assertEquals(
        List.of("assigned", "status", "reply"),
        view.updates().stream().map(TicketChange::kind).toList());
    assertTrue(
        view.updates().stream().allMatch(u -> AGENT.equals(u.by())), view.updates().toString());
    assertEquals(
        List.of(AGENT, "open", "I'm on it: try unplugging the dock for ten seconds."),
        view.updates().stream().map(TicketChange::text).toList());

    // The requester's conversation has the new status and the reply, after what they had seen.
    var told = messagesAfter(c, seen).messages();
    assertEquals(2, told.size(), told.toString());
    assertTrue(
        told.stream()
            .allMatch(
                m ->
                    m.from().equals("bot")
                        && m.type() == io.tierzero.bot.chat.ReplyType.TICKET_STATUS),
        told.toString());
    assertTrue(
        told.get(0)
            .text()
            .startsWith(
                "Your ticket "
                    + ticket.number()
                    + " is now open. "
                    + AGENT
                    + " at the IT Service Desk is working on your ticket."),
        told.get(0).text());
    assertTrue(
        told.get(1)
            .text()
            .startsWith(
                AGENT
                    + " from the IT Service Desk replied on "
                    + ticket.number()
                    + " (status: open)"),
        told.get(1).text());
    assertTrue(
        told.get(1).text().endsWith("try unplugging the dock for ten seconds."),
        told.get(1).text());
    assertTrue(
        empty(messagesAfter(c, told.get(1).id()).messages()), "nothing newer than the newest");

    // Every change reaches the webhook once, as ticket.updated under its own id.
    var changes = view.updates();
    await(
        "the three changes delivered",
        () -> changes.stream().allMatch(u -> received.containsKey(u.id())));
    await(
        "every delivery marked delivered",
        () ->
            agentView(ticket.number()).deliveries().stream()
                .allMatch(d -> d.state().equals("delivered")));
    for (var change : changes) {
      var copies = received.get(change.id());
      assertEquals(1, copies.size(), change.kind() + " delivered " + copies.size() + " times");
      assertEquals(TicketMessage.UPDATED, copies.get(0).event());
      assertEquals(change.kind(), copies.get(0).update().kind());
      assertEquals(AGENT, copies.get(0).update().by());
    }
    assertTrue(
        received
            .get(changes.get(2).id())
            .get(0)
            .transcriptText()
            .contains("Agent " + AGENT + " replied to the requester"));
    assertEquals(AGENT, received.get(changes.get(2).id()).get(0).ticket().assignee());

    // What the bot answers from now on follows the status: someone is on it, not "will contact
    // you".
    var reply = send(client, c, "hello?").get(0).text();
    assertTrue(
        reply.contains(
            "status: open. " + AGENT + " at the IT Service Desk is working on your ticket."),
        reply);
    assertFalse(reply.contains("will contact you"), reply);
  }

  @Test
  void moves_the_life_of_a_ticket_does_not_allow_are_refused_with_the_reason_and_change_nothing() {
    var c = conversation();
    var ticket = raise(c, "the printer on floor 3 jams");
    var session = forms.signIn(AGENT, AGENT_PASSWORD);
    assertEquals(303, post(ticket, session, Map.of("status", "resolved")).statusCode());
    var resolvedAsTold = send(client, c, "any news?").get(0).text();
    assertTrue(resolvedAsTold.contains("resolved"), resolvedAsTold);
    assertFalse(resolvedAsTold.contains("will contact you"), resolvedAsTold);

    // Back to new: refused in the console, with the reason, and nothing recorded.
    var refused = post(ticket, session, Map.of("status", "new", "reply", "this must not be sent"));
    assertEquals(409, refused.statusCode(), refused.body());
    assertTrue(refused.body().contains("cannot go back to new; reopen it as open"), refused.body());
    assertTrue(refused.body().contains("role=\"alert\""), refused.body());
    // Refused the same way over the API.
    var api =
        assertThrows(
            HttpClientResponseException.class,
            () ->
                client
                    .toBlocking()
                    .exchange(
                        asAgent(
                            HttpRequest.PUT(
                                "/api/agent/tickets/" + ticket.number() + "/status",
                                Map.of("status", "pending"))),
                        String.class));
    assertEquals(HttpStatus.CONFLICT, api.getStatus());
    assertTrue(
        api.getResponse()
            .getBody(String.class)
            .orElse("")
            .contains("can be reopened (open) or closed, not set to pending"),
        api.getResponse().getBody(String.class).orElse(""));
    var unknown = post(ticket, session, Map.of("assignee", "mallory"));
    assertEquals(400, unknown.statusCode());
    assertTrue(
        unknown.body().contains("assignee must be an agent&#39;s username")
            || unknown.body().contains("assignee must be an agent's username"),
        unknown.body());

    var view = agentView(ticket.number());
    assertEquals(TicketStatus.RESOLVED, view.status());
    assertNull(view.assignee());
    assertEquals(List.of("status"), view.updates().stream().map(TicketChange::kind).toList());

    // A resolved ticket reopens (over the API this time), then a closed one stays closed.
    var reopened =
        client
            .toBlocking()
            .retrieve(
                asAgent(
                    HttpRequest.PUT(
                        "/api/agent/tickets/" + ticket.number() + "/status",
                        Map.of("status", "open"))),
                AgentTicket.class);
    assertEquals(TicketStatus.OPEN, reopened.status());
    assertEquals(303, post(ticket, session, Map.of("status", "closed")).statusCode());
    var stays = post(ticket, session, Map.of("status", "open"));
    assertEquals(409, stays.statusCode());
    assertTrue(stays.body().contains("is closed and stays closed"), stays.body());
  }

  @Test
  void a_console_post_without_this_sessions_token_is_refused_and_changes_nothing() {
    var ticket = raise(conversation(), "my mouse is dead");
    var session = forms.signIn(AGENT, AGENT_PASSWORD);
    var other = forms.signIn(OTHER_AGENT, AGENT_PASSWORD);
    var otherToken = ConsoleForms.csrf(forms.get("/console/tickets", other).body());

    for (var token : new String[] {null, "made-up", otherToken}) {
      var fields = new HashMap<>(Map.of("assignee", AGENT, "status", "open", "reply", "hello"));
      if (token != null) fields.put("csrf", token);
      var refused = forms.post("/console/tickets/" + ticket.number(), fields, session);
      assertEquals(403, refused.statusCode(), refused.body());
      assertTrue(refused.body().contains("reload the page and send it again"), refused.body());
    }
    var view = agentView(ticket.number());
    assertEquals(TicketStatus.NEW, view.status());
    assertNull(view.assignee());
    assertTrue(empty(view.updates()), view.updates() + "");
  }

  @Test
  void the_list_filters_by_queue_status_priority_and_assignee_and_keeps_the_filters_in_the_form() {
    var mine = raise(conversation(), "the scanner on floor 2 is slow");
    var theirs = raise(conversation(), "the projector in room 4 shows no picture");
    var nobodys = raise(conversation(), "the kitchen tap drips");
    var session = forms.signIn(AGENT, AGENT_PASSWORD);
    assertEquals(
        303, post(mine, session, Map.of("assignee", AGENT, "status", "pending")).statusCode());
    assertEquals(303, post(theirs, session, Map.of("assignee", OTHER_AGENT)).statusCode());

    var byMe = forms.get("/console/tickets?assignee=" + AGENT, session).body();
    assertTrue(
        byMe.contains(mine.number())
            && !byMe.contains(theirs.number())
            && !byMe.contains(nobodys.number()),
        byMe);
    assertTrue(
        byMe.contains("<option value=\"" + AGENT + "\" selected>"),
        "the filter is kept in the form");
    var unassigned = forms.get("/console/tickets?assignee=none&status=new", session).body();
    assertTrue(
        unassigned.contains(nobodys.number())
            && !unassigned.contains(mine.number())
            && !unassigned.contains(theirs.number()),
        unassigned);
    assertTrue(
        unassigned.contains("<option value=\"none\" selected>")
            && unassigned.contains("<option value=\"new\" selected>"),
        unassigned);
    var queue = agentView(mine.number()).queue();
    var inQueue =
        forms
            .get(
                "/console/tickets?queue="
                    + queue
                    + "&status=pending&priority="
                    + agentView(mine.number()).priority(),
                session)
            .body();
    assertTrue(inQueue.contains(mine.number()) && !inQueue.contains(nobodys.number()), inQueue);
    assertTrue(inQueue.contains("<option value=\"" + queue + "\" selected>"), inQueue);
    assertTrue(
        forms.get("/console/tickets?queue=no-such-queue", session).body().contains("No tickets."));

    // The same filters over the API.
    var theirsByApi =
        client
            .toBlocking()
            .retrieve(
                asAgent(HttpRequest.GET("/api/agent/tickets?assignee=" + OTHER_AGENT)),
                Argument.listOf(AgentTicket.class));
    assertTrue(
        theirsByApi.stream().anyMatch(t -> t.number().equals(theirs.number())),
        theirsByApi.toString());
    assertTrue(
        theirsByApi.stream().allMatch(t -> OTHER_AGENT.equals(t.assignee())),
        theirsByApi.toString());
    var nobodyByApi =
        client
            .toBlocking()
            .retrieve(
                asAgent(HttpRequest.GET("/api/agent/tickets?assignee=none")),
                Argument.listOf(AgentTicket.class));
    assertTrue(nobodyByApi.stream().anyMatch(t -> t.number().equals(nobodys.number())));
    assertTrue(nobodyByApi.stream().allMatch(t -> t.assignee() == null));
  }

  @Test
  void the_api_assigns_and_replies_like_the_console() {
    var c = conversation();
    var ticket = raise(c, "my headset crackles");
    var assigned =
        client
            .toBlocking()
            .retrieve(
                asAgent(
                    HttpRequest.PUT(
                        "/api/agent/tickets/" + ticket.number() + "/assignee",
                        Map.of("assignee", OTHER_AGENT))),
                AgentTicket.class);
    assertEquals(OTHER_AGENT, assigned.assignee());
    var replied =
        client
            .toBlocking()
            .exchange(
                asAgent(
                    HttpRequest.POST(
                        "/api/agent/tickets/" + ticket.number() + "/replies",
                        Map.of("text", "Please restart Outlook."))),
                AgentTicket.class);
    assertEquals(HttpStatus.CREATED, replied.getStatus());
    assertEquals(
        List.of("assigned", "reply"),
        replied.body().updates().stream().map(TicketChange::kind).toList());
    var transcript =
        client
            .toBlocking()
            .retrieve(
                HttpRequest.GET("/api/conversations/" + c.id()).header(TOKEN, c.token()),
                Transcript.class);
    assertTrue(
        transcript
            .messages()
            .get(transcript.messages().size() - 1)
            .text()
            .endsWith("Please restart Outlook."));

    var empty =
        assertThrows(
            HttpClientResponseException.class,
            () ->
                client
                    .toBlocking()
                    .exchange(
                        asAgent(
                            HttpRequest.POST(
                                "/api/agent/tickets/" + ticket.number() + "/replies",
                                Map.of("text", " "))),
                        String.class));
    assertEquals(HttpStatus.BAD_REQUEST, empty.getStatus());
    var tooLong =
        assertThrows(
            HttpClientResponseException.class,
            () ->
                client
                    .toBlocking()
                    .exchange(
                        asAgent(
                            HttpRequest.POST(
                                "/api/agent/tickets/" + ticket.number() + "/replies",
                                Map.of("text", "x".repeat(AgentActions.MAX_REPLY + 1)))),
                        String.class));
    assertEquals(HttpStatus.BAD_REQUEST, tooLong.getStatus());
    var notAnAgent =
        assertThrows(
            HttpClientResponseException.class,
            () ->
                client
                    .toBlocking()
                    .exchange(
                        asAgent(
                            HttpRequest.PUT(
                                "/api/agent/tickets/" + ticket.number() + "/assignee",
                                Map.of("assignee", "mallory"))),
                        String.class));
    assertEquals(HttpStatus.BAD_REQUEST, notAnAgent.getStatus());
    var noTicket =
        assertThrows(
            HttpClientResponseException.class,
            () ->
                client
                    .toBlocking()
                    .exchange(
                        asAgent(
                            HttpRequest.POST(
                                "/api/agent/tickets/T-999999/replies", Map.of("text", "hi"))),
                        String.class));
    assertEquals(HttpStatus.NOT_FOUND, noTicket.getStatus());
  }

  @Test
  void the_messages_after_a_message_need_the_conversations_token() {
    var c = conversation();
    send(client, c, "hello");
    var noToken =
        assertThrows(
            HttpClientResponseException.class,
            () ->
                client
                    .toBlocking()
                    .exchange(
                        HttpRequest.GET("/api/conversations/" + c.id() + "/messages"),
                        String.class));
    assertEquals(HttpStatus.UNAUTHORIZED, noToken.getStatus());
    var wrong =
        assertThrows(
            HttpClientResponseException.class,
            () ->
                client
                    .toBlocking()
                    .exchange(
                        HttpRequest.GET("/api/conversations/" + c.id() + "/messages")
                            .header(TOKEN, "not-the-token"),
                        String.class));
    assertEquals(HttpStatus.NOT_FOUND, wrong.getStatus());
    var all = messagesAfter(c, null).messages();
    assertEquals("hello", all.get(0).text());
    assertEquals(all.subList(1, all.size()), messagesAfter(c, all.get(0).id()).messages());
  }

  // ---- helpers ----

  /** Empty lists are left out of the JSON. */
  private static boolean empty(List<?> list) {
    return list == null || list.isEmpty();
  }

  private StartedConversation conversation() {
    return TicketsTestApp.start(client, Map.of());
  }

  private TicketReceipt raise(StartedConversation c, String problem) {
    send(client, c, problem);
    send(client, c, "talk to a person");
    return client
        .toBlocking()
        .retrieve(submit(c, form("Jo Bloggs", "jo@example.com", true)), TicketReceipt.class);
  }

  /** A console form post with this session's token, as the ticket page's form sends it. */
  private java.net.http.HttpResponse<String> post(
      TicketReceipt ticket, String session, Map<String, String> fields) {
    var token = ConsoleForms.csrf(forms.get("/console/tickets/" + ticket.number(), session).body());
    var all = new HashMap<>(fields);
    all.put("csrf", token);
    return forms.post("/console/tickets/" + ticket.number(), all, session);
  }

  private Transcript messagesAfter(StartedConversation c, String after) {
    var path =
        "/api/conversations/" + c.id() + "/messages" + (after == null ? "" : "?after=" + after);
    return client
        .toBlocking()
        .retrieve(HttpRequest.GET(path).header(TOKEN, c.token()), Transcript.class);
  }

  private String lastMessageId(StartedConversation c) {
    var all = messagesAfter(c, null).messages();
    return all.get(all.size() - 1).id();
  }

  private static <T> HttpRequest<T> asAgent(io.micronaut.http.MutableHttpRequest<T> request) {
    return request.header("Authorization", basic(AGENT, AGENT_PASSWORD));
  }

  private AgentTicket agentView(String number) {
    return client
        .toBlocking()
        .retrieve(asAgent(HttpRequest.GET("/api/agent/tickets/" + number)), AgentTicket.class);
  }

  private static void await(String what, BooleanSupplier condition) {
    var deadline = Instant.now().plus(PATIENCE);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) fail("Gave up waiting for: " + what);
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        fail("interrupted waiting for: " + what);
      }
    }
  }

  /**
   * A helpdesk that stores every delivery by its idempotency key and refuses each first attempt.
   */
  private HttpServer receiver() {
    try {
      var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      var attempts = new ConcurrentHashMap<String, Integer>();
      server.createContext(
          "/hook",
          exchange -> {
            var body = exchange.getRequestBody().readAllBytes();
            var key = exchange.getRequestHeaders().getFirst(WebhookSink.IDEMPOTENCY_KEY);
            int status = 503;
            if (attempts.merge(key, 1, Integer::sum) > 1) {
              received
                  .computeIfAbsent(key, k -> new CopyOnWriteArrayList<>())
                  .add(json.readValue(body, TicketMessage.class));
              status = 200;
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
          });
      server.start();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
