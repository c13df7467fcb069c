package io.tierzero.bot.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tierzero.bot.chat.ChatService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Where a run stopped, as stored between turns: what comes back, what is never kept, expiry. */
@MicronautTest(transactional = false, startApplication = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FlowStatesTest implements TestPropertyProvider {
  @Inject FlowStates states;
  @Inject FlowStateRepository repository;
  @Inject ChatService chat;

  @Override
  public Map<String, String> getProperties() {
    return FlowChat.properties();
  }

  /** A flow state belongs to a conversation (a foreign key): a real one. */
  private String conversation() {
    return chat.start().id();
  }

  @Test
  void a_waiting_run_comes_back_as_stored_without_its_secrets() {
    var id = conversation();
    var run = FlowRun.fresh("password-reset", "login");
    run.values.put("login", "alice");
    run.secrets.put("new_password", "correct horse battery");
    run.asked.put("login", 1);

    var saved = states.save(id, run, true, null);

    var running = states.running(id).orElseThrow();
    assertEquals(saved, running);
    assertEquals("login", running.stepId());
    assertFalse(running.data().contains("correct horse"), running.data());
    var data = states.data(running);
    assertEquals("alice", data.values().get("login"));
    assertEquals(1, data.asked().get("login"));
    assertNull(data.pending());
  }

  @Test
  void a_run_saved_again_keeps_when_it_started() throws Exception {
    var id = conversation();
    var first = states.save(id, FlowRun.fresh("password-reset", "login"), true, null);
    Thread.sleep(5);
    var second = states.save(id, FlowRun.fresh("password-reset", "code"), true, first);
    assertEquals(first.startedAt(), second.startedAt());
    assertEquals("code", states.running(id).orElseThrow().stepId());
  }

  @Test
  void an_ended_run_is_deleted() {
    var id = conversation();
    var first = states.save(id, FlowRun.fresh("password-reset", "login"), true, null);
    assertNull(states.save(id, FlowRun.fresh("password-reset", "login"), false, first));
    assertTrue(states.running(id).isEmpty());
    assertFalse(repository.existsById(id));
  }

  @Test
  void an_expired_run_is_not_running_and_is_purged() {
    var id = conversation();
    var saved = states.save(id, FlowRun.fresh("password-reset", "login"), true, null);
    var longAgo = saved.updatedAt().minus(Duration.ofDays(1));
    repository.update(
        new FlowState(id, saved.flowId(), saved.stepId(), saved.data(), longAgo, longAgo, longAgo));

    assertTrue(states.running(id).isEmpty());
    assertTrue(repository.existsById(id), "kept until purged");
    states.purgeExpired();
    assertFalse(repository.existsById(id));
  }
}
