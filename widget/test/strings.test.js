import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { STRINGS, languageOf, localString, translate } from "../src/strings.js";

describe("languageOf", () => {
  it("takes a language the widget has", () => {
    assert.equal(languageOf("fr"), "fr");
    assert.equal(languageOf("en"), "en");
  });

  it("falls back from a regional tag to its language", () => {
    assert.equal(languageOf("fr-CA"), "fr");
    assert.equal(languageOf("fr-ch"), "fr");
    assert.equal(languageOf("en-GB"), "en");
  });

  it("ignores case", () => {
    assert.equal(languageOf("FR"), "fr");
    assert.equal(languageOf("Fr-Ca"), "fr");
  });

  it("falls back to English for a language it lacks, or none", () => {
    assert.equal(languageOf("de"), "en");
    assert.equal(languageOf("pt-BR"), "en");
    assert.equal(languageOf("ar"), "en");
    assert.equal(languageOf(""), "en");
    assert.equal(languageOf(undefined), "en");
  });
});

describe("translate", () => {
  it("says each string in the chosen language", () => {
    assert.equal(translate("fr", "send"), "Envoyer");
    assert.equal(translate("en", "send"), "Send");
    assert.equal(translate(languageOf("fr-CA"), "newConversation"), "Nouvelle conversation");
  });

  it("falls back to English for a key the language lacks", () => {
    const strings = { en: { send: "Send", retry: "Retry" }, fr: { send: "Envoyer" } };
    assert.equal(translate("fr", "send", strings), "Envoyer");
    assert.equal(translate("fr", "retry", strings), "Retry");
  });

  it("uses English for a language without a table", () => {
    assert.equal(translate("de", "send"), "Send");
  });

  it("has an English string for every French one but the bot's form labels", () => {
    const missing = Object.keys(STRINGS.fr).filter(
      (key) => !(key in STRINGS.en) && !/^form\.[\w-]+\.(?!title$)/.test(key),
    );
    assert.deepEqual(missing, []);
  });
});

describe("localString", () => {
  it("gives the language's own label for a form field", () => {
    assert.equal(localString("fr", "form.ticket.email"), "Votre e-mail professionnel");
  });

  it("gives nothing in English, whose labels come from the bot, nor for an unknown key", () => {
    assert.equal(localString("en", "form.ticket.email"), false);
    assert.equal(localString("en", "send"), false);
    assert.equal(localString("fr", "form.ticket.unknown"), undefined);
  });
});
