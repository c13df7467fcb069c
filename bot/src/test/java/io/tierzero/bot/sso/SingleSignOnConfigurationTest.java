package io.tierzero.bot.sso;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SingleSignOnConfigurationTest {
  @Test
  void is_off_without_an_issuer() {
    assertFalse(
        new SingleSignOnConfiguration(" ", null, null, "groups", "preferred_username", null)
            .enabled());
  }

  @Test
  void names_every_missing_setting_at_once() {
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new SingleSignOnConfiguration(
                    "https://login.example.com", "", null, "groups", "preferred_username", null));

    assertTrue(e.getMessage().contains("tierzero.console.oidc.client-id"), e.getMessage());
    assertTrue(e.getMessage().contains("tierzero.console.oidc.agent-group"), e.getMessage());
  }

  @Test
  void bearer_tokens_must_name_the_client_unless_an_audience_is_set() {
    var config =
        new SingleSignOnConfiguration(
            "https://login.example.com", "console", "agents", "groups", "preferred_username", null);
    assertTrue(config.enabled());
    assertEquals("console", config.expectedAudience());
    assertEquals(
        "api://tierzero",
        new SingleSignOnConfiguration(
                "https://login.example.com",
                "console",
                "agents",
                "groups",
                "preferred_username",
                "api://tierzero")
            .expectedAudience());
  }
}
