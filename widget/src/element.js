/*
 * <tierzero-chat>: the Tier Zero chat widget. Plain JavaScript, no framework; the build bundles
 * these modules into one script, so a page embeds it with a single script tag. Everything it shows
 * that came from a user or an article is either set as text or rebuilt from an allowlist (see
 * sanitiser.js): nothing reaches innerHTML.
 */
import { Api } from "./api.js";
import { h, icon } from "./dom.js";
import { articleRating, botItem, fixItButton, userItem } from "./render.js";
import { sanitize } from "./sanitiser.js";
import { browserStorage, rememberStarted, startedConversations, storage } from "./storage.js";
import { RTL_LANGS, languageOf, translate } from "./strings.js";
import { STYLE } from "./styles.js";

const TAG = "tierzero-chat";
// The text the handoff handler recognises; sent whatever the interface language is.
const PERSON_TEXT = "Talk to a person";
// A ticket_status reply without a ticket of this conversation (chat Reply.SHOW_MY_TICKETS).
const SHOW_MY_TICKETS = "show_my_tickets";
// Enough to type a word before suggesting; below that every title matches.
const SUGGEST_MIN = 3;
const SUGGEST_DELAY_MS = 200;
// While the panel is open the widget asks the bot for what the IT Service Desk said (an agent's
// reply, a new status): soon after anything happened, then less and less often while nothing
// does, so an idle open chat costs one request every POLL_MAX_MS.
const POLL_MIN_MS = 2000;
const POLL_MAX_MS = 30000;
// The bot's messages a poll shows: what the help desk said (chat ReplyType.TICKET_STATUS).
const LIVE_TYPE = "ticket_status";
const esc = encodeURIComponent;
// Answers never shown again once sent: the bot keeps only that one was given.
const SENSITIVE = ["secret", "code"];

/** What the reply expects the user to type next ({"type":"secret"}), or null for anything. */
function inputType(reply) {
  const input = reply && reply.input;
  return (typeof input === "string" ? input : input && input.type) || null;
}

export class TierZeroChat extends HTMLElement {
  static get observedAttributes() {
    return ["bot-url", "title", "lang", "position", "dir"];
  }

  constructor() {
    super();
    this.shadow = this.attachShadow({ mode: "open" });
    this.messages = []; // {from, id, type, text, articles, options, input, state, secret}
    this.features = {};
    this.pendingInput = null; // what the last bot reply asked the next input to be
    this.suggestSeq = 0;
    this.busy = false;
    this.pollDelay = POLL_MIN_MS;
    this.pollTimer = null;
    this.lastSeenId = null; // the newest message of the conversation a poll or the transcript returned
  }

  disconnectedCallback() {
    this.stopPolling();
  }

  connectedCallback() {
    if (!this.root) this.build();
    // The bot's article pages carry a "Fix it for me" button outside the widget; the widget
    // starts that flow in its own conversation.
    if (!this.onFixIt) {
      this.onFixIt = (e) => {
        const button =
          e.target && e.target.closest && e.target.closest(".tierzero-fix-it, .tierzero-vote");
        if (!button) return;
        if (button.dataset.tierzeroFlow) this.startFlow(button.dataset.tierzeroFlow);
        else if (button.dataset.tierzeroArticle) this.votePage(button);
      };
      document.addEventListener("click", this.onFixIt);
    }
    this.applyAttributes();
    const saved = this.conversation ? null : storage.get(this.storageKey());
    if (saved && saved.id && saved.token) {
      this.conversation = { id: saved.id, token: saved.token };
      // The open question's control at once (a password field at a secret step), before the
      // transcript arrives: nothing typed meanwhile lands in a plain text box.
      this.pendingInput = typeof saved.input === "string" ? saved.input : null;
      this.applyInputMode();
      this.restore().then(() => {
        if (saved.open) this.open(false);
      });
    }
  }

  attributeChangedCallback(name, before, after) {
    if (!this.root || before === after) return;
    if (name === "bot-url") {
      this.api = new Api(after);
      this.conversation = null;
      this.messages = [];
    }
    this.applyAttributes();
  }

  storageKey() {
    return TAG + ":" + new Api(this.getAttribute("bot-url")).base.href;
  }

  t(key) {
    return translate(this.language, key);
  }

  get language() {
    return languageOf(this.getAttribute("lang") || document.documentElement.lang || "en");
  }

  build() {
    this.api = new Api(this.getAttribute("bot-url"));
    const css = new CSSStyleSheet();
    css.replaceSync(STYLE);
    this.shadow.adoptedStyleSheets = [css];

    this.launcher = h("button", {
      type: "button",
      class: "tz-launcher",
      "aria-expanded": "false",
      "aria-controls": "tz-panel",
      onclick: () => (this.panel.hidden ? this.open(true) : this.close()),
    });
    this.heading = h("h2", { id: "tz-title" });
    this.personButton = h("button", {
      type: "button",
      class: "tz-person",
      onclick: () => this.send(PERSON_TEXT),
    });
    this.newButton = h("button", {
      type: "button",
      class: "tz-new",
      onclick: () => this.newConversation(),
    });
    this.closeButton = h(
      "button",
      { type: "button", class: "tz-close", onclick: () => this.close() },
      icon("close"),
    );
    this.list = h("ol", { class: "tz-messages" });
    this.typing = h(
      "li",
      { class: "tz-typing", hidden: true, "aria-hidden": "true" },
      h("span"),
      h("span"),
      h("span"),
    );
    this.articleView = h("div", { class: "tz-article", hidden: true });
    this.body = h("div", { class: "tz-body" }, this.list, this.articleView);
    this.input = h("input", {
      id: "tz-input",
      type: "text",
      autocomplete: "off",
      maxlength: "2000",
      "aria-autocomplete": "list",
      "aria-controls": "tz-suggest",
      "aria-expanded": "false",
      oninput: () => this.suggestSoon(),
      onkeydown: (e) => this.onInputKey(e),
      // Later, and only if focus did not come back: a click on an option blurs the input first.
      onblur: () =>
        setTimeout(() => this.shadow.activeElement !== this.input && this.hideSuggestions(), 150),
    });
    this.inputLabel = h("label", { for: "tz-input", class: "tz-sr" });
    this.suggestList = h("ul", {
      id: "tz-suggest",
      class: "tz-suggest",
      role: "listbox",
      hidden: true,
    });
    this.sendButton = h("button", { type: "submit", class: "tz-send" });
    this.composer = h(
      "form",
      {
        class: "tz-composer",
        onsubmit: (e) => {
          e.preventDefault();
          this.submitInput();
        },
      },
      this.inputLabel,
      this.suggestList,
      this.input,
      this.sendButton,
    );
    this.live = h("div", { class: "tz-sr", "aria-live": "polite", "aria-atomic": "true" });
    this.panel = h(
      "section",
      {
        id: "tz-panel",
        class: "tz-panel",
        role: "dialog",
        "aria-labelledby": "tz-title",
        hidden: true,
      },
      h(
        "div",
        { class: "tz-header" },
        this.heading,
        this.newButton,
        this.personButton,
        this.closeButton,
      ),
      this.body,
      this.composer,
      this.live,
    );
    // An empty title stops the host's title attribute from showing as a tooltip over the panel.
    this.root = h("div", { class: "tz-root", part: "root", title: "" }, this.panel, this.launcher);
    this.root.addEventListener("keydown", (e) => {
      if (e.key === "Escape" && !this.panel.hidden) {
        if (!this.suggestList.hidden) return this.hideSuggestions();
        e.stopPropagation();
        this.close();
      }
    });
    this.shadow.append(this.root);
  }

  applyAttributes() {
    const lang = this.language;
    const dir =
      this.getAttribute("dir") ||
      (RTL_LANGS.includes(lang) ? "rtl" : document.documentElement.dir || "ltr");
    this.root.lang = lang;
    this.root.dir = dir;
    this.root.classList.toggle("tz-left", /left/.test(this.getAttribute("position") || ""));
    const title = this.getAttribute("title") || this.t("title");
    this.heading.textContent = title;
    this.launcher.replaceChildren(icon("chat"), h("span", { text: title }));
    // The visible title stays inside the name (WCAG 2.5.3, label in name).
    this.launcher.setAttribute("aria-label", this.t("launcher") + ": " + title);
    this.personButton.textContent = this.t("person");
    this.newButton.textContent = this.t("newConversation");
    this.closeButton.setAttribute("aria-label", this.t("close"));
    this.list.setAttribute("aria-label", this.t("conversation"));
    this.inputLabel.textContent = this.t("input");
    this.suggestList.setAttribute("aria-label", this.t("suggestions"));
    this.sendButton.textContent = this.t("send");
    this.applyInputMode();
    this.renderMessages();
  }

  // ---- opening and closing ----

  open(focus) {
    this.panel.hidden = false;
    this.root.classList.add("tz-open");
    this.launcher.setAttribute("aria-expanded", "true");
    this.remember();
    if (!this.features.loaded) this.loadFeatures();
    if (focus) this.input.focus();
    this.scrollDown();
    this.pollSoon();
    this.emit("open");
  }

  close() {
    this.hideSuggestions();
    this.panel.hidden = true;
    this.root.classList.remove("tz-open");
    this.launcher.setAttribute("aria-expanded", "false");
    this.remember();
    this.stopPolling();
    this.launcher.focus();
    this.emit("close");
  }

  emit(name, detail) {
    this.dispatchEvent(
      new CustomEvent(TAG + ":" + name, { bubbles: true, composed: true, detail }),
    );
  }

  remember() {
    if (!this.conversation) return;
    // What the open question asks for (never what was typed), so a reload or a second tab
    // restores a password field at a secret step.
    storage.set(this.storageKey(), {
      ...this.conversation,
      open: !this.panel.hidden,
      input: this.pendingInput,
    });
  }

  async loadFeatures() {
    this.features.loaded = true;
    try {
      this.features = { loaded: true, ...(await this.api.call("GET", "/api/features")) };
      this.renderMessages();
    } catch (e) {
      /* an older bot: rating stays off */
    }
  }

  // ---- the conversation ----

  async restore() {
    try {
      const transcript = await this.api.call(
        "GET",
        "/api/conversations/" + esc(this.conversation.id),
        undefined,
        this.conversation.token,
      );
      this.messages = (transcript.messages || []).map((m) => ({ ...m, state: "sent" }));
      if (this.messages.length)
        this.lastSeenId = this.messages[this.messages.length - 1].id || null;
      // The transcript carries each bot message's input: the last one is the open question.
      const lastBot = [...this.messages].reverse().find((m) => m.from === "bot");
      this.pendingInput = inputType(lastBot);
      this.remember();
    } catch (e) {
      if (e.status === 404 || e.status === 401) {
        this.conversation = null;
        storage.set(this.storageKey(), null);
      } else {
        this.messages.push({
          from: "bot",
          type: "text",
          text: this.t("restoreFailed"),
          local: true,
        });
      }
    }
    this.applyInputMode();
    this.renderMessages();
  }

  submitInput() {
    const text = this.input.value.trim();
    if (!text || this.busy) return;
    this.input.value = "";
    this.hideSuggestions();
    this.send(text, SENSITIVE.includes(this.pendingInput));
  }

  /** Sends text as the user; on failure the message stays, marked, with a retry. */
  async send(text, secret) {
    if (this.busy) return; // one turn at a time: the bot answers turns in order
    const message = { from: "user", text, secret: !!secret, state: "sending" };
    this.messages.push(message);
    this.pendingInput = null;
    this.applyInputMode();
    await this.deliver(message);
  }

  async deliver(message) {
    this.busy = true;
    message.state = "sending";
    this.typing.hidden = false;
    this.list.setAttribute("aria-busy", "true");
    this.renderMessages();
    try {
      const replies = await this.exchange(message.text);
      message.state = "sent";
      if (message.secret) message.text = ""; // gone from memory once the bot has it
      // Show the answer from its start: long replies would otherwise open at their end.
      this.firstNew = replies.length ? this.messages.length : null;
      for (const reply of replies) {
        // A poll may have shown it already, while this turn's answer was on its way.
        if (reply.id && this.messages.some((m) => m.id === reply.id)) continue;
        const shown = { from: "bot", ...reply };
        this.messages.push(shown);
        if (reply.action === SHOW_MY_TICKETS) this.showMyTickets(shown);
      }
      this.pendingInput = inputType(replies[replies.length - 1]);
      this.remember();
      this.announce(replies.map((r) => r.text).join(" "));
      this.emit("message", { replies });
    } catch (e) {
      message.state = "failed";
      this.announce(this.t("notSent"));
    } finally {
      this.busy = false;
      this.typing.hidden = true;
      this.list.removeAttribute("aria-busy");
      this.applyInputMode();
      this.renderMessages();
      this.pollSoon();
    }
  }

  async exchange(text) {
    if (!this.conversation) await this.startConversation();
    try {
      return (await this.post(text)).replies || [];
    } catch (e) {
      // The stored conversation is gone (a new database, an expired token): start afresh once.
      if (e.status !== 404 && e.status !== 401) throw e;
      await this.startConversation();
      return (await this.post(text)).replies || [];
    }
  }

  post(text) {
    const { id, token } = this.conversation;
    return this.api.call("POST", "/api/conversations/" + esc(id) + "/messages", { text }, token);
  }

  async startConversation() {
    const started = await this.api.call("POST", "/api/conversations", {});
    this.conversation = { id: started.id, token: started.token };
    this.lastSeenId = null;
    this.remember();
    rememberStarted(browserStorage, this.startedKey(), started, new Date().toISOString());
  }

  /**
   * The bot knows no ticket in this conversation: asks for the tickets of the others this
   * browser started, by their tokens, and shows them under the reply. Quiet on failure: the
   * reply already says how to find tickets.
   */
  async showMyTickets(message) {
    const conversations = startedConversations(browserStorage, this.startedKey());
    if (!conversations.length) return;
    try {
      const mine = await this.api.call("POST", "/api/tickets/mine", { conversations });
      message.tickets = (mine && mine.tickets) || [];
      this.renderMessages();
    } catch (e) {
      /* the reply's own text stands */
    }
  }

  /** Where the conversations this browser started are listed, newest first: [{id, token, at}]. */
  startedKey() {
    return this.storageKey() + ":started";
  }

  /**
   * Starts over: an empty conversation on screen; the bot's copy of the old one stays as it was
   * (and in the list of started conversations). The new one is created with its first message.
   */
  newConversation() {
    if (this.busy) return;
    if (!this.articleView.hidden) this.hideArticle();
    this.hideSuggestions();
    this.conversation = null;
    this.messages = [];
    this.pendingInput = null;
    this.lastSeenId = null;
    this.stopPolling();
    storage.set(this.storageKey(), null);
    this.applyInputMode();
    this.renderMessages();
    this.input.focus();
    this.announce(this.t("newStarted"));
    this.emit("new-conversation");
  }

  // ---- live updates ----

  /** The next poll at the shortest delay: something just happened, more may follow. */
  pollSoon() {
    this.pollDelay = POLL_MIN_MS;
    this.schedulePoll();
  }

  stopPolling() {
    clearTimeout(this.pollTimer);
    this.pollTimer = null;
  }

  /** Polls only while the panel is open on a conversation the bot knows. */
  schedulePoll() {
    this.stopPolling();
    if (!this.panel || this.panel.hidden || !this.conversation || !this.isConnected) return;
    this.pollTimer = setTimeout(() => this.poll(), this.pollDelay);
  }

  /**
   * Asks for the messages after the newest one seen (read from the bot's database, so what any
   * instance added is there) and shows the help desk's among them as the bot's, announced
   * through the live region. Nothing new, or a failure: the next poll waits twice as long.
   */
  async poll() {
    this.pollTimer = null;
    const conversation = this.conversation;
    if (!conversation || this.panel.hidden) return;
    // A turn in flight brings its own replies; ask again once it is answered.
    if (this.busy) return this.schedulePoll();
    let fresh = [];
    try {
      const after = this.lastSeenId ? "?after=" + esc(this.lastSeenId) : "";
      const found = await this.api.call(
        "GET",
        "/api/conversations/" + esc(conversation.id) + "/messages" + after,
        undefined,
        conversation.token,
      );
      if (this.conversation !== conversation) return; // a new conversation started meanwhile
      const messages = (found && found.messages) || [];
      if (messages.length && messages[messages.length - 1].id)
        this.lastSeenId = messages[messages.length - 1].id;
      const known = new Set(this.messages.filter((m) => m.id).map((m) => m.id));
      fresh = messages.filter((m) => m.from === "bot" && m.type === LIVE_TYPE && !known.has(m.id));
    } catch (e) {
      if (e.status === 404 || e.status === 401) return; // the conversation is gone: nothing will come
    }
    if (fresh.length) {
      this.firstNew = this.messages.length;
      for (const m of fresh) this.messages.push({ ...m, state: "sent" });
      this.renderMessages();
      this.announce(fresh.map((m) => m.text).join(" "));
      this.emit("message", { replies: fresh });
      this.pollDelay = POLL_MIN_MS;
    } else {
      this.pollDelay = Math.min(this.pollDelay * 2, POLL_MAX_MS);
    }
    this.schedulePoll();
  }

  announce(text) {
    this.live.textContent = "";
    // A separate task, so a screen reader sees a change even when the text repeats.
    setTimeout(() => (this.live.textContent = text), 50);
  }

  applyInputMode() {
    const mode = this.pendingInput;
    const secret = mode === "secret";
    this.input.type = secret ? "password" : mode === "email" ? "email" : "text";
    this.input.autocomplete =
      mode === "code" ? "one-time-code" : mode === "email" ? "email" : "off";
    if (mode === "code") this.input.inputMode = "numeric";
    else this.input.removeAttribute("inputmode");
    // A flow's question wants an answer, not an article: no suggestions then. And a password
    // field cannot be a combobox, nor is a secret ever sent for suggestions.
    if (mode) {
      this.input.removeAttribute("role");
      this.input.removeAttribute("aria-autocomplete");
    } else {
      this.input.setAttribute("role", "combobox");
      this.input.setAttribute("aria-autocomplete", "list");
    }
    this.input.placeholder = this.t(
      secret ? "secretPlaceholder" : mode === "code" ? "codePlaceholder" : "placeholder",
    );
    this.sendButton.disabled = this.busy;
  }

  // ---- rendering ----

  renderMessages() {
    if (!this.list) return;
    const items = [];
    if (!this.messages.length) {
      items.push(botItem(this, { text: this.t("intro"), type: "text" }, false));
    }
    const lastUser = this.messages.map((m) => m.from).lastIndexOf("user");
    this.messages.forEach((m, i) => {
      items.push(m.from === "user" ? userItem(this, m) : botItem(this, m, i > lastUser));
    });
    items.push(this.typing);
    // Redrawing must not drop keyboard focus: it goes back to the same control, or to the input
    // when that control is gone (a quick reply just sent, a form just submitted).
    const focused = this.shadow.activeElement;
    const hadFocus = focused && this.list.contains(focused);
    const key = hadFocus && focused.getAttribute("data-key");
    this.list.replaceChildren(...items);
    if (hadFocus) {
      const again =
        key &&
        [...this.list.querySelectorAll("[data-key]")].find(
          (el) => el.getAttribute("data-key") === key,
        );
      if (again && again.isConnected && !again.disabled) again.focus();
      else if (!this.list.contains(this.shadow.activeElement)) this.input.focus();
    }
    const first =
      this.firstNew !== null && this.firstNew !== undefined
        ? this.list.children[this.firstNew]
        : null;
    this.firstNew = null;
    if (first && this.articleView.hidden) this.body.scrollTop = first.offsetTop - 8;
    else this.scrollDown();
  }

  startFlow(flow) {
    if (!this.articleView.hidden) this.hideArticle();
    this.open(true);
    this.send("start flow " + flow);
  }

  /** "Was this helpful?" on an article page: a vote on the article, in this conversation. */
  async votePage(button) {
    const vote = button.dataset.tierzeroVote;
    const group = button.closest(".tierzero-helpful") || button.parentElement;
    const status = group.querySelector("[data-tierzero-status]");
    try {
      await this.voteArticle(button.dataset.tierzeroArticle, vote);
      group
        .querySelectorAll(".tierzero-vote")
        .forEach((b) => b.setAttribute("aria-pressed", String(b === button)));
      if (status) status.textContent = this.t("rated");
    } catch (e) {
      if (status) status.textContent = this.t("notSent");
    }
  }

  async voteArticle(articleId, vote) {
    if (!this.conversation) await this.startConversation();
    await this.api.call(
      "POST",
      "/api/conversations/" + esc(this.conversation.id) + "/feedback",
      { articleId, vote },
      this.conversation.token,
    );
  }

  /** Votes again on the same reply replace the earlier vote on the bot. */
  async vote(m, vote, reason) {
    try {
      await this.api.call(
        "POST",
        "/api/conversations/" + esc(this.conversation.id) + "/feedback",
        reason ? { messageId: m.id, vote, reason } : { messageId: m.id, vote },
        this.conversation.token,
      );
      m.vote = vote;
      m.reason = reason || null;
      this.renderMessages();
      this.announce(this.t("rated"));
    } catch (e) {
      this.announce(this.t("notSent"));
    }
  }

  async showArticle(id, opener) {
    this.opener = opener;
    const back = h(
      "button",
      { type: "button", class: "tz-btn tz-back", onclick: () => this.hideArticle() },
      this.t("back"),
    );
    const title = h("h3", { tabindex: "-1", dir: "auto", text: this.t("loading") });
    this.articleView.replaceChildren(back, title);
    this.list.hidden = true;
    this.articleView.hidden = false;
    this.body.scrollTop = 0;
    title.focus();
    try {
      const article = await this.api.call("GET", "/api/articles/" + esc(id));
      title.textContent = article.title;
      const body = sanitize(article.html, this.api.base);
      // The body repeats the title as its first heading; the panel shows it once.
      const top = body.firstElementChild;
      if (top && /^H\d$/.test(top.tagName) && top.textContent.trim() === article.title)
        top.remove();
      this.articleView.append(
        h("div", { class: "tz-article-body", dir: "auto" }, body),
        h(
          "p",
          {},
          h(
            "a",
            {
              href: this.api.url("/kb/" + esc(id)),
              target: "_blank",
              rel: "noopener noreferrer",
            },
            this.t("openTab"),
          ),
        ),
      );
      if (article.flow)
        this.articleView.append(h("p", {}, fixItButton(this, article.flow, article.title)));
      if (this.features.feedback) this.articleView.append(articleRating(this, id));
      this.announce(article.title);
    } catch (e) {
      title.textContent = this.t("articleError");
    }
  }

  hideArticle() {
    this.articleView.hidden = true;
    this.articleView.replaceChildren();
    this.list.hidden = false;
    const opener = this.opener && this.opener.isConnected ? this.opener : this.input;
    opener.focus();
    this.scrollDown();
  }

  scrollDown() {
    if (this.body && this.articleView.hidden) this.body.scrollTop = this.body.scrollHeight;
  }

  // ---- suggestions while typing (an ARIA 1.2 combobox) ----

  suggestSoon() {
    clearTimeout(this.suggestTimer);
    const q = this.input.value.trim();
    if (this.pendingInput || q.length < SUGGEST_MIN) return this.hideSuggestions();
    this.suggestTimer = setTimeout(() => this.suggest(q), SUGGEST_DELAY_MS);
  }

  async suggest(q) {
    const seq = ++this.suggestSeq;
    let found = [];
    try {
      found = await this.api.call("GET", "/api/suggest?q=" + esc(q));
    } catch (e) {
      /* suggestions are a nicety: typing goes on */
    }
    // A slower answer to an older prefix must not replace a newer one.
    if (seq !== this.suggestSeq || this.pendingInput || document.activeElement !== this) return;
    if (!found || !found.length) return this.hideSuggestions();
    this.suggestions = found;
    this.active = -1;
    this.suggestList.replaceChildren(
      ...found.map((s, i) =>
        h(
          "li",
          {
            id: "tz-suggest-" + i,
            role: "option",
            "aria-selected": "false",
            onmousedown: (e) => e.preventDefault(),
            onclick: () => this.chooseSuggestion(i),
          },
          s.title,
        ),
      ),
    );
    this.suggestList.hidden = false;
    this.input.setAttribute("aria-expanded", "true");
  }

  hideSuggestions() {
    clearTimeout(this.suggestTimer);
    this.suggestSeq++;
    this.suggestList.hidden = true;
    this.suggestList.replaceChildren();
    this.input.setAttribute("aria-expanded", "false");
    this.input.removeAttribute("aria-activedescendant");
    this.suggestions = null;
  }

  onInputKey(e) {
    if (!this.suggestions || this.suggestList.hidden) return;
    const n = this.suggestions.length;
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      this.active =
        (this.active + (e.key === "ArrowDown" ? 1 : n - 1 + (this.active < 0 ? 1 : 0))) % n;
      [...this.suggestList.children].forEach((li, i) =>
        li.setAttribute("aria-selected", String(i === this.active)),
      );
      this.input.setAttribute("aria-activedescendant", "tz-suggest-" + this.active);
      this.suggestList.children[this.active].scrollIntoView({ block: "nearest" });
    } else if (e.key === "Enter" && this.active >= 0) {
      e.preventDefault();
      this.chooseSuggestion(this.active);
    }
  }

  chooseSuggestion(i) {
    const chosen = this.suggestions && this.suggestions[i];
    this.hideSuggestions();
    if (chosen) {
      this.input.value = "";
      this.showArticle(chosen.id, this.input);
    }
  }
}

// Once per page: a second copy of the script (two embeds) leaves the first one's element alone.
if (window.customElements && !customElements.get(TAG)) customElements.define(TAG, TierZeroChat);
