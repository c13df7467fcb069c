/* The bot's HTTP API. Every request goes to bot-url's origin and nowhere else. */

// The bot that served this script, the default bot-url: embedding needs only the script tag.
// Read while the script runs: document.currentScript is null afterwards.
const SCRIPT_ORIGIN = (() => {
  try {
    return new URL(document.currentScript.src).origin;
  } catch (e) {
    return location.origin;
  }
})();

export class HttpError extends Error {
  constructor(status) {
    super("HTTP " + status);
    this.status = status;
  }
}

export class Api {
  constructor(botUrl) {
    this.base = new URL(botUrl || SCRIPT_ORIGIN, location.href);
    this.base.pathname = this.base.pathname.replace(/\/?$/, "/");
  }

  url(path) {
    const url = new URL(path.replace(/^\//, ""), this.base);
    if (url.origin !== this.base.origin) throw new Error("Refusing to call " + url.origin);
    return url.href;
  }

  async call(method, path, body, token) {
    const headers = { Accept: "application/json" };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    if (token) headers["X-Conversation-Token"] = token;
    const response = await fetch(this.url(path), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "omit",
      mode: "cors",
    });
    if (!response.ok) throw new HttpError(response.status);
    const text = await response.text();
    return text ? JSON.parse(text) : null;
  }
}
