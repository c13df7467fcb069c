import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { safeUrl } from "../src/sanitiser.js";

// The page the widget is embedded in; api.js reads it once, when it loads (no document here, so
// the default bot is the page's origin).
globalThis.location = new URL("https://intranet.example.com/portal/page");
const { Api } = await import("../src/api.js");

const BASE = new URL("https://help.example.com/");

describe("safeUrl", () => {
  it("keeps http and https links, made absolute", () => {
    assert.equal(safeUrl("https://example.com", BASE), "https://example.com/");
    assert.equal(safeUrl("http://example.com/a?b=c", BASE), "http://example.com/a?b=c");
    assert.equal(safeUrl("/kb/vpn", BASE), "https://help.example.com/kb/vpn");
    assert.equal(safeUrl("HTTPS://EXAMPLE.COM/A", BASE), "https://example.com/A");
  });

  it("refuses script, data and other schemes, in any case", () => {
    for (const href of [
      "javascript:alert(1)",
      "JaVaScRiPt:alert(1)",
      "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
      "vbscript:msgbox(1)",
      "file:///etc/passwd",
      "blob:https://help.example.com/0d1e",
      "mailto:it@example.com",
    ]) {
      assert.equal(safeUrl(href, BASE), null, href);
    }
  });

  it("refuses script URLs hidden with whitespace and control characters", () => {
    for (const href of [
      " javascript:alert(1)",
      "\tjavascript:alert(1)",
      "java\tscript:alert(1)",
      "java\nscript:alert(1)",
      "java\rscript:alert(1)",
      "\u0000javascript:alert(1)",
      "\u0001\u001fjavascript:alert(1)",
      "javascript:alert(1)\u0000",
    ]) {
      assert.equal(safeUrl(href, BASE), null, JSON.stringify(href));
    }
  });

  it("reads look-alike Unicode schemes as paths on the bot, never as a scheme", () => {
    for (const href of [
      "\uff4aavascript:alert(1)", // fullwidth j
      "\u200bjavascript:alert(1)", // zero-width space
      "\u00a0javascript:alert(1)", // no-break space
      "javascript\u2028:alert(1)",
    ]) {
      const url = safeUrl(href, BASE);
      assert.ok(url, JSON.stringify(href));
      assert.equal(new URL(url).origin, "https://help.example.com", JSON.stringify(href));
    }
  });

  it("refuses fragments, nothing, and what does not parse", () => {
    assert.equal(safeUrl("#top", BASE), null);
    assert.equal(safeUrl("", BASE), null);
    assert.equal(safeUrl(null, BASE), null);
    assert.equal(safeUrl("http://[::1", BASE), null);
    assert.equal(safeUrl("https://exa mple.com/", BASE), null);
  });
});

describe("Api.url", () => {
  const api = new Api("https://help.example.com/tierzero");

  it("puts paths under bot-url", () => {
    assert.equal(api.url("/api/features"), "https://help.example.com/tierzero/api/features");
    assert.equal(
      api.url("api/suggest?q=vpn"),
      "https://help.example.com/tierzero/api/suggest?q=vpn",
    );
  });

  it("refuses to call any other origin", () => {
    for (const path of [
      "https://evil.example/api",
      "http://help.example.com/api", // same host, another scheme
      "https://help.example.com:8443/api",
      "\\\\evil.example/api",
      "/\\\\evil.example/api",
      "javascript:alert(1)",
      "data:text/plain,x",
    ]) {
      assert.throws(() => api.url(path), /Refusing to call/, path);
    }
  });

  it("keeps protocol-relative and backslash paths on the bot", () => {
    for (const path of ["//evil.example/api", "/\\evil.example/api"]) {
      assert.equal(new URL(api.url(path)).origin, "https://help.example.com", path);
    }
  });

  it("talks to the page's own origin when no bot-url is given", () => {
    assert.equal(new Api(null).base.href, "https://intranet.example.com/");
    assert.equal(new Api("").url("/api/features"), "https://intranet.example.com/api/features");
  });
});
