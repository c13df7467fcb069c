/*
 * <tierzero-chat>: the Tier Zero chat widget. Plain JavaScript, no framework, one file, so a page
 * embeds it with a single script tag. Everything it shows that came from a user or an article is
 * either set as text or rebuilt from an allowlist (see sanitize): nothing reaches innerHTML.
 */
(() => {
  "use strict";
  const TAG = "tierzero-chat";
  if (!window.customElements || customElements.get(TAG)) return;

  // The bot that served this script, the default bot-url: embedding needs only the script tag.
  const SCRIPT_ORIGIN = (() => {
    try {
      return new URL(document.currentScript.src).origin;
    } catch (e) {
      return location.origin;
    }
  })();

  // The text the handoff handler recognises; sent whatever the interface language is.
  const PERSON_TEXT = "Talk to a person";
  // The bot's standard option for starting over (chat Options.NEW_CONVERSATION): the widget acts
  // on it itself instead of sending it.
  const NEW_CONVERSATION_TEXT = "Start a new conversation";
  // Conversations this browser started, newest first, kept so the widget can ask for their tickets
  // (POST /api/tickets/mine, which takes at most this many); capped so a long-lived browser does not collect tokens without end.
  const STARTED_MAX = 20;
  // A ticket_status reply without a ticket of this conversation (chat Reply.SHOW_MY_TICKETS).
  const SHOW_MY_TICKETS = "show_my_tickets";
  const RTL_LANGS = ["ar", "fa", "he", "ur", "yi", "ps", "ku", "dv"];
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

  // Every string the widget shows. English first; a language missing a key falls back to English.
  const STRINGS = {
    en: {
      title: "IT help",
      launcher: "Open chat",
      close: "Close chat",
      intro: 'Hi! Tell me about your IT problem, for example "my account is locked".',
      conversation: "Conversation",
      input: "Your message",
      placeholder: "Describe your problem",
      secretPlaceholder: "Type it here: it stays hidden",
      codePlaceholder: "Type the code",
      send: "Send",
      you: "You said:",
      bot: "Assistant said:",
      hidden: "Hidden",
      typing: "The assistant is typing",
      articles: "Articles",
      open: "Open",
      openTab: "Open in new tab",
      fixIt: "Fix it for me",
      newTab: "(opens in a new tab)",
      back: "Back to the conversation",
      loading: "Loading",
      articleError: "The article could not be loaded.",
      quickReplies: "Quick replies",
      suggestions: "Matching articles",
      person: "Talk to a person",
      rate: "Was this helpful?",
      solved: "Did this solve your problem?",
      up: "Helpful",
      down: "Not helpful",
      rateSoon: "Rating answers is not available yet",
      rated: "Thanks for your feedback.",
      why: "What was wrong?",
      wrong_article: "Wrong article",
      outdated: "Out of date",
      unclear: "Unclear",
      didnt_work: "Didn't work",
      notSent: "Not sent: the connection failed.",
      retry: "Retry",
      formTitle: "Form",
      "form.ticket.title": "Raise a ticket",
      formSent: "Sent. Thank you.",
      formFailed: "That could not be sent. Please check the fields and try again.",
      restoreFailed: "The earlier conversation could not be loaded.",
      newConversation: "New conversation",
      newStarted: "New conversation started. The earlier one is kept.",
      myTickets: "Tickets raised from this browser",
      updated: "last updated",
    },
    fr: {
      title: "Aide informatique",
      launcher: "Ouvrir le chat",
      close: "Fermer le chat",
      intro:
        "Bonjour ! Décrivez votre problème informatique, par exemple « mon compte est bloqué ».",
      conversation: "Conversation",
      input: "Votre message",
      placeholder: "Décrivez votre problème",
      secretPlaceholder: "Saisissez-le ici : il reste masqué",
      codePlaceholder: "Saisissez le code",
      send: "Envoyer",
      you: "Vous avez dit :",
      bot: "L'assistant a dit :",
      hidden: "Masqué",
      typing: "L'assistant écrit",
      articles: "Articles",
      open: "Ouvrir",
      openTab: "Ouvrir dans un nouvel onglet",
      fixIt: "Réparer pour moi",
      newTab: "(nouvel onglet)",
      back: "Retour à la conversation",
      loading: "Chargement",
      articleError: "L'article n'a pas pu être chargé.",
      quickReplies: "Réponses rapides",
      suggestions: "Articles correspondants",
      person: "Parler à une personne",
      rate: "Cette réponse vous a-t-elle aidé ?",
      solved: "Cela a-t-il résolu votre problème ?",
      up: "Utile",
      down: "Pas utile",
      rateSoon: "L'évaluation des réponses n'est pas encore disponible",
      rated: "Merci pour votre avis.",
      why: "Qu'est-ce qui n'allait pas ?",
      wrong_article: "Mauvais article",
      outdated: "Obsolète",
      unclear: "Pas clair",
      didnt_work: "Ça n'a pas marché",
      notSent: "Non envoyé : la connexion a échoué.",
      retry: "Réessayer",
      formTitle: "Formulaire",
      formSent: "Envoyé. Merci.",
      formFailed: "L'envoi a échoué. Vérifiez les champs et réessayez.",
      // Labels for the bot's forms, by form id and field name; English comes from the bot.
      "form.ticket.title": "Créer un ticket",
      "form.ticket.name": "Votre nom",
      "form.ticket.email": "Votre e-mail professionnel",
      "form.ticket.details": "Autre chose à ajouter ? (facultatif)",
      "form.ticket.consent": "Envoyer cette conversation avec mon ticket au support informatique",
      "form.ticket.submit": "Envoyer le ticket",
      restoreFailed: "La conversation précédente n'a pas pu être chargée.",
      newConversation: "Nouvelle conversation",
      newStarted: "Nouvelle conversation commencée. La précédente est conservée.",
      myTickets: "Tickets ouverts depuis ce navigateur",
      updated: "mis à jour",
    },
  };

  const STYLE = `
:host{--tz-accent:#0b57d0;--tz-accent-text:#fff;--tz-bg:#fff;--tz-text:#1b1b1b;--tz-muted:#4a4a4a;
--tz-bot-bg:#eef1f5;--tz-border:#c4c7cc;--tz-mark:#fff3b0;--tz-error:#b3261e;--tz-radius:12px;
--tz-font:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;--tz-z:2147483000;--tz-width:24rem;
font:16px/1.45 var(--tz-font);color:var(--tz-text)}
*,*::before,*::after{box-sizing:border-box}
[hidden]{display:none!important}
.tz-root{position:fixed;inset-block-end:1rem;inset-inline-end:1rem;z-index:var(--tz-z);display:flex;
flex-direction:column;align-items:flex-end;gap:.75rem;max-width:calc(100vw - 2rem)}
.tz-root.tz-left{inset-inline-end:auto;inset-inline-start:1rem;align-items:flex-start}
button,input{font:inherit;color:inherit}
button{cursor:pointer}
:focus-visible{outline:3px solid var(--tz-accent);outline-offset:2px}
.tz-sr{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
.tz-launcher{display:inline-flex;align-items:center;gap:.5rem;min-height:3rem;padding:.6rem 1.1rem;border:0;
border-radius:999px;background:var(--tz-accent);color:var(--tz-accent-text);font-weight:600;
box-shadow:0 4px 14px rgba(0,0,0,.25)}
svg{width:1.25rem;height:1.25rem;fill:currentColor;flex:none}
.tz-panel{display:flex;flex-direction:column;width:min(var(--tz-width),calc(100vw - 2rem));
height:min(36rem,calc(100vh - 6rem));background:var(--tz-bg);color:var(--tz-text);border:1px solid var(--tz-border);
border-radius:var(--tz-radius);box-shadow:0 8px 28px rgba(0,0,0,.28);overflow:hidden}
.tz-header{flex:none;display:flex;flex-wrap:wrap;align-items:center;gap:.4rem;padding:.5rem .6rem .5rem 1rem;
background:var(--tz-accent);color:var(--tz-accent-text)}
.tz-header h2{flex:1 1 0;min-width:5rem;margin:0;font-size:1.05rem}
.tz-header button{background:transparent;color:inherit;border:1px solid currentColor;border-radius:999px;
padding:.25rem .7rem;font-size:.875rem;min-height:2.25rem}
.tz-header .tz-close{border-color:transparent;padding:.25rem .5rem;display:inline-flex;align-items:center}
.tz-header :focus-visible{outline-color:var(--tz-accent-text)}
.tz-body{position:relative;flex:1 1 auto;overflow-y:auto;padding:.75rem}
.tz-messages{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:.6rem}
.tz-msg{max-width:92%;padding:.5rem .75rem;border-radius:var(--tz-radius);overflow-wrap:anywhere}
.tz-msg p{margin:0}
.tz-bot{align-self:flex-start;background:var(--tz-bot-bg);border-end-start-radius:4px}
.tz-user{align-self:flex-end;background:var(--tz-accent);color:var(--tz-accent-text);border-end-end-radius:4px}
.tz-user.tz-failed{background:var(--tz-bg);color:var(--tz-text);border:2px solid var(--tz-error)}
.tz-error{color:var(--tz-error);font-size:.875rem;margin:.3rem 0 0}
.tz-cards{list-style:none;margin:.5rem 0 0;padding:0;display:flex;flex-direction:column;gap:.5rem}
.tz-card{background:var(--tz-bg);border:1px solid var(--tz-border);border-radius:8px;padding:.5rem .6rem}
.tz-card h3{margin:0 0 .2rem;font-size:1rem}
.tz-snippet{font-size:.875rem;color:var(--tz-muted)}
mark{background:var(--tz-mark);color:#1b1b1b}
.tz-actions{display:flex;flex-wrap:wrap;gap:.4rem .8rem;align-items:center;margin-top:.4rem;font-size:.875rem}
.tz-btn{background:var(--tz-bg);color:var(--tz-accent);border:1px solid var(--tz-accent);border-radius:999px;
padding:.3rem .8rem;min-height:2.25rem}
.tz-btn:hover{background:var(--tz-accent);color:var(--tz-accent-text)}
.tz-btn:disabled{opacity:.55;cursor:not-allowed;background:var(--tz-bg);color:var(--tz-accent)}
a{color:var(--tz-accent)}
.tz-options{display:flex;flex-wrap:wrap;gap:.4rem;margin-top:.5rem}
.tz-tickets{margin:.25rem 0 0;padding-inline-start:1.1rem}.tz-my-tickets h3{font-size:inherit;margin:.5rem 0 0}
.tz-rate{display:flex;gap:.3rem;align-items:center;margin-top:.4rem;font-size:.875rem}
.tz-rate button{display:inline-flex;align-items:center;justify-content:center;width:2.25rem;height:2.25rem;padding:0}
.tz-rate button[aria-pressed=true]{background:var(--tz-accent);color:var(--tz-accent-text)}
.tz-down svg{transform:rotate(180deg)}
.tz-typing{align-self:flex-start;display:flex;gap:.25rem;padding:.7rem .8rem;background:var(--tz-bot-bg);border-radius:var(--tz-radius)}
.tz-typing span{width:.45rem;height:.45rem;border-radius:50%;background:var(--tz-muted);animation:tz-blink 1.2s infinite}
.tz-typing span:nth-child(2){animation-delay:.2s}.tz-typing span:nth-child(3){animation-delay:.4s}
@keyframes tz-blink{0%,80%,100%{opacity:.25}40%{opacity:1}}
@media (prefers-reduced-motion:reduce){.tz-typing span{animation:none;opacity:.7}}
.tz-article h3{margin:.6rem 0 .4rem;font-size:1.15rem}
.tz-article h4,.tz-article h5,.tz-article h6{margin:.8rem 0 .3rem;font-size:1rem}
.tz-article pre{overflow:auto;background:var(--tz-bot-bg);padding:.5rem;border-radius:6px}
.tz-article code{background:var(--tz-bot-bg)}
.tz-article table{border-collapse:collapse;display:block;overflow-x:auto}
.tz-article td,.tz-article th{border:1px solid var(--tz-border);padding:.2rem .4rem}
.tz-composer{position:relative;display:flex;gap:.4rem;padding:.6rem;border-top:1px solid var(--tz-border)}
.tz-composer input{flex:1 1 auto;min-width:0;padding:.5rem .7rem;border:1px solid #767676;border-radius:999px;background:var(--tz-bg)}
.tz-send{background:var(--tz-accent);color:var(--tz-accent-text);border:0;border-radius:999px;padding:.5rem 1rem}
.tz-suggest{position:absolute;inset-inline:.6rem;inset-block-end:calc(100% - .2rem);margin:0;padding:.25rem 0;list-style:none;
background:var(--tz-bg);border:1px solid var(--tz-border);border-radius:8px;box-shadow:0 4px 14px rgba(0,0,0,.18);max-height:12rem;overflow-y:auto}
.tz-suggest li{padding:.4rem .7rem;cursor:pointer}
.tz-suggest li[aria-selected=true],.tz-suggest li:hover{background:var(--tz-bot-bg);outline:2px solid var(--tz-accent);outline-offset:-2px}
.tz-form{display:flex;flex-direction:column;gap:.4rem;margin-top:.5rem}
.tz-field{display:flex;flex-direction:column;gap:.15rem}
.tz-form label{font-size:.875rem}
.tz-form input[type=text],.tz-form input[type=email]{padding:.4rem .5rem;border:1px solid #767676;border-radius:6px;background:var(--tz-bg)}
.tz-check{display:flex;gap:.4rem;align-items:flex-start}
@media (max-width:30rem){.tz-root.tz-open{inset:0;max-width:none}.tz-open .tz-launcher{display:none}
.tz-open .tz-panel{width:100%;height:100%;border-radius:0;border:0}}
`;

  // Icons as path data, built with createElementNS: no markup strings anywhere.
  const ICONS = {
    chat: "M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H8l-5 4V5a2 2 0 0 1 1-2z",
    close:
      "M6.4 5 12 10.6 17.6 5 19 6.4 13.4 12l5.6 5.6-1.4 1.4-5.6-5.6L6.4 19 5 17.6 10.6 12 5 6.4z",
    thumb:
      "M2 21h4V9H2v12zm20-11a2 2 0 0 0-2-2h-6.3l1-4.6v-.3c0-.4-.2-.8-.4-1.1L13.2 1 6.6 7.6C6.2 8 6 8.5 6 9v10a2 2 0 0 0 2 2h9c.8 0 1.5-.5 1.8-1.2l3-7.1c.1-.2.2-.5.2-.7v-2z",
  };

  // Article HTML is sanitised by the bot already; rebuilding it from an allowlist here means a
  // compromised or misconfigured server still cannot run script in the host page.
  const KEEP = new Set(
    "P BR HR UL OL LI A STRONG B EM I CODE PRE BLOCKQUOTE TABLE THEAD TBODY TR TH TD MARK KBD DL DT DD SUP SUB DEL S SPAN DIV H1 H2 H3 H4 H5 H6".split(
      " ",
    ),
  );
  const DROP = new Set(
    "SCRIPT STYLE IFRAME FRAME OBJECT EMBED TEMPLATE SVG MATH NOSCRIPT FORM INPUT TEXTAREA SELECT BUTTON LINK META BASE IMG PICTURE VIDEO AUDIO SOURCE CANVAS".split(
      " ",
    ),
  );

  function sanitize(html, base) {
    const doc = new DOMParser().parseFromString(String(html || ""), "text/html");
    const out = document.createDocumentFragment();
    copyAllowed(doc.body, out, base);
    return out;
  }

  function copyAllowed(from, to, base) {
    for (const node of from.childNodes) {
      if (node.nodeType === Node.TEXT_NODE) {
        to.append(node.data);
      } else if (node.nodeType === Node.ELEMENT_NODE && !DROP.has(node.tagName)) {
        if (!KEEP.has(node.tagName)) {
          copyAllowed(node, to, base);
          continue;
        }
        // The panel's own headings are h2 (title) and h3 (article): the body's start below them.
        const level = /^H([1-6])$/.exec(node.tagName);
        const el = document.createElement(
          level ? "h" + Math.min(6, Math.max(4, +level[1] + 2)) : node.tagName,
        );
        if (node.tagName === "A") {
          const href = safeUrl(node.getAttribute("href"), base);
          if (!href) {
            copyAllowed(node, to, base);
            continue;
          }
          el.href = href;
          el.target = "_blank";
          el.rel = "noopener noreferrer";
        }
        for (const name of ["colspan", "rowspan"]) {
          const value = node.getAttribute(name);
          if (/^\d{1,3}$/.test(value || "")) el.setAttribute(name, value);
        }
        // Wide code and tables scroll sideways: focusable, so the keyboard can scroll them too.
        if (node.tagName === "PRE" || node.tagName === "TABLE") el.tabIndex = 0;
        if (node.tagName === "TH" && /^(row|col)(group)?$/.test(node.getAttribute("scope") || "")) {
          el.setAttribute("scope", node.getAttribute("scope"));
        }
        copyAllowed(node, el, base);
        to.append(el);
      }
    }
  }

  /** An absolute http(s) URL, or null: no javascript:, data: or same-page fragments. */
  function safeUrl(href, base) {
    if (!href || href.startsWith("#")) return null;
    try {
      const url = new URL(href, base);
      return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
    } catch (e) {
      return null;
    }
  }

  /** A guided fix's last word: a step that asks for nothing more (choices carry an input type). */
  function flowEnded(m) {
    return m.type === "flow_step" && !m.input && !m.form;
  }

  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "class") el.className = value;
      else if (key === "text") el.textContent = value;
      else if (key.startsWith("on")) el.addEventListener(key.slice(2), value);
      else el.setAttribute(key, value === true ? "" : value);
    }
    for (const child of children) if (child !== null && child !== undefined) el.append(child);
    return el;
  }

  function icon(name) {
    const ns = "http://www.w3.org/2000/svg";
    const svg = document.createElementNS(ns, "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    const path = document.createElementNS(ns, "path");
    path.setAttribute("d", ICONS[name]);
    svg.append(path);
    return svg;
  }

  // Storage can throw (blocked cookies, private modes): the chat then lives for the page only.
  // The current conversation is per tab (sessionStorage); the list of conversations started is per
  // browser (localStorage), like the tickets raised from them.
  const storageIn = (area) => ({
    get(key) {
      try {
        return JSON.parse(window[area].getItem(key) || "null");
      } catch (e) {
        return null;
      }
    },
    set(key, value) {
      try {
        if (value === null) window[area].removeItem(key);
        else window[area].setItem(key, JSON.stringify(value));
      } catch (e) {
        /* not kept across reloads */
      }
    },
  });
  const storage = storageIn("sessionStorage");
  const browserStorage = storageIn("localStorage");

  class HttpError extends Error {
    constructor(status) {
      super("HTTP " + status);
      this.status = status;
    }
  }

  /** The bot's HTTP API. Every request goes to bot-url's origin and nowhere else. */
  class Api {
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

  const esc = encodeURIComponent;
  // Why an answer was rated down; the bot's fixed list (feedback Reason).
  const REASONS = ["wrong_article", "outdated", "unclear", "didnt_work"];
  // Answers never shown again once sent: the bot keeps only that one was given.
  const SENSITIVE = ["secret", "code"];

  /** What the reply expects the user to type next ({"type":"secret"}), or null for anything. */
  function inputType(reply) {
    const input = reply && reply.input;
    return (typeof input === "string" ? input : input && input.type) || null;
  }

  class TierZeroChat extends HTMLElement {
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
      const table = STRINGS[this.language] || STRINGS.en;
      return table[key] !== undefined ? table[key] : STRINGS.en[key];
    }

    get language() {
      const lang = (
        this.getAttribute("lang") ||
        document.documentElement.lang ||
        "en"
      ).toLowerCase();
      return STRINGS[lang] ? lang : STRINGS[lang.split("-")[0]] ? lang.split("-")[0] : "en";
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
      this.root = h(
        "div",
        { class: "tz-root", part: "root", title: "" },
        this.panel,
        this.launcher,
      );
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
      const list = (browserStorage.get(this.startedKey()) || []).filter(
        (c) => c && c.id !== started.id,
      );
      browserStorage.set(
        this.startedKey(),
        [{ id: started.id, token: started.token, at: new Date().toISOString() }, ...list].slice(
          0,
          STARTED_MAX,
        ),
      );
    }

    /**
     * The bot knows no ticket in this conversation: asks for the tickets of the others this
     * browser started, by their tokens, and shows them under the reply. Quiet on failure: the
     * reply already says how to find tickets.
     */
    async showMyTickets(message) {
      const conversations = (browserStorage.get(this.startedKey()) || [])
        .filter((c) => c && typeof c.id === "string" && typeof c.token === "string")
        .slice(0, STARTED_MAX)
        .map((c) => ({ id: c.id, token: c.token }));
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
        fresh = messages.filter(
          (m) => m.from === "bot" && m.type === LIVE_TYPE && !known.has(m.id),
        );
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
        items.push(this.botItem({ text: this.t("intro"), type: "text" }, false));
      }
      const lastUser = this.messages.map((m) => m.from).lastIndexOf("user");
      this.messages.forEach((m, i) => {
        items.push(m.from === "user" ? this.userItem(m) : this.botItem(m, i > lastUser));
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

    userItem(m) {
      const item = h(
        "li",
        { class: "tz-msg tz-user" + (m.state === "failed" ? " tz-failed" : "") },
        h("span", { class: "tz-sr", text: this.t("you") + " " }),
        m.secret || m.hidden
          ? h(
              "p",
              {},
              h("span", { "aria-hidden": "true", text: "\u2022\u2022\u2022\u2022\u2022\u2022" }),
              h("span", { class: "tz-sr", text: this.t("hidden") }),
            )
          : h("p", { dir: "auto", text: m.text }),
      );
      if (m.state === "failed") {
        item.append(
          h(
            "p",
            { class: "tz-error", role: "alert" },
            this.t("notSent") + " ",
            h(
              "button",
              {
                type: "button",
                class: "tz-btn tz-retry",
                "data-key": "retry",
                onclick: () => this.deliver(m),
              },
              this.t("retry"),
            ),
          ),
        );
      }
      return item;
    }

    /** @param current whether this reply belongs to the latest turn: only then are options live */
    botItem(m, current) {
      const item = h(
        "li",
        { class: "tz-msg tz-bot", "data-type": m.type || "text" },
        h("span", { class: "tz-sr", text: this.t("bot") + " " }),
        // dir=auto: the bot's and the articles' text keeps its own direction in either layout.
        h("p", { dir: "auto", text: m.text }),
      );
      if (m.articles && m.articles.length) item.append(this.cards(m.articles, m.id));
      if (m.tickets && m.tickets.length) item.append(this.ticketList(m.tickets));
      if (current && m.options && m.options.length && !this.busy) {
        item.append(
          h(
            "div",
            { class: "tz-options", role: "group", "aria-label": this.t("quickReplies") },
            ...m.options.map((o) =>
              h(
                "button",
                {
                  type: "button",
                  class: "tz-btn tz-option",
                  onclick: () =>
                    o === NEW_CONVERSATION_TEXT ? this.newConversation() : this.send(o),
                },
                o,
              ),
            ),
          ),
        );
      }
      if (m.id && (m.type === "answer" || m.type === "no_answer" || (current && flowEnded(m))))
        item.append(this.rating(m));
      if (m.form && m.id) item.append(this.replyForm(m));
      return item;
    }

    /** Number, status and last update of each ticket, most recently updated first. */
    ticketList(tickets) {
      const when = (iso) => {
        const d = new Date(iso);
        return isNaN(d)
          ? ""
          : d.toLocaleString(this.language || undefined, {
              dateStyle: "medium",
              timeStyle: "short",
            });
      };
      return h(
        "div",
        { class: "tz-my-tickets" },
        h("h3", { text: this.t("myTickets") }),
        h(
          "ul",
          { class: "tz-tickets" },
          ...tickets.map((t) =>
            h("li", {
              "data-ticket": t.number,
              dir: "auto",
              text:
                t.number +
                ": " +
                t.status +
                ", " +
                this.t("updated") +
                " " +
                when(t.updatedAt) +
                " (" +
                t.subject +
                ")",
            }),
          ),
        ),
      );
    }

    cards(articles, owner) {
      return h(
        "ul",
        { class: "tz-cards", "aria-label": this.t("articles") },
        ...articles.map((a) =>
          h(
            "li",
            { class: "tz-card", "data-article": a.id },
            h("h3", { dir: "auto", text: a.title }),
            h("p", { class: "tz-snippet", dir: "auto" }, sanitize(a.snippet, this.api.base)),
            h(
              "div",
              { class: "tz-actions" },
              h(
                "button",
                {
                  type: "button",
                  class: "tz-btn tz-read",
                  "data-key": "read:" + owner + ":" + a.id,
                  "aria-label": this.t("open") + ": " + a.title,
                  onclick: (e) => this.showArticle(a.id, e.currentTarget),
                },
                this.t("open"),
              ),
              h(
                "a",
                {
                  class: "tz-tab",
                  href: this.api.url("/kb/" + esc(a.id)),
                  target: "_blank",
                  rel: "noopener noreferrer",
                },
                this.t("openTab"),
                h("span", { class: "tz-sr", text: ": " + a.title + " " + this.t("newTab") }),
              ),
              a.flow ? this.fixItButton(a.flow, a.title) : null,
            ),
          ),
        ),
      );
    }

    /** "Fix it for me": starts the article's guided fix in this conversation. */
    fixItButton(flow, title) {
      return h(
        "button",
        {
          type: "button",
          class: "tz-btn tz-fix",
          "data-flow": flow,
          "aria-label": this.t("fixIt") + (title ? ": " + title : ""),
          onclick: () => this.startFlow(flow),
        },
        this.t("fixIt"),
      );
    }

    startFlow(flow) {
      if (!this.articleView.hidden) this.hideArticle();
      this.open(true);
      this.send("start flow " + flow);
    }

    rating(m) {
      const on = !!this.features.feedback;
      const button = (vote) =>
        h(
          "button",
          {
            type: "button",
            class: "tz-btn tz-" + vote,
            "data-key": "vote:" + m.id + ":" + vote,
            "aria-label": this.t(vote),
            "aria-pressed": m.vote === vote ? "true" : "false",
            title: on ? this.t(vote) : this.t("rateSoon"),
            disabled: !on,
            onclick: () => this.vote(m, vote),
          },
          icon("thumb"),
        );
      const group = h(
        "div",
        {
          class: "tz-rate",
          role: "group",
          "aria-label": this.t(m.type === "flow_step" ? "solved" : "rate"),
        },
        m.type === "flow_step" ? h("span", { text: this.t("solved") }) : null,
        button("up"),
        button("down"),
        m.vote ? h("span", { text: this.t("rated") }) : null,
      );
      if (m.vote !== "down" || m.reason) return group;
      // After a thumbs down, one tap says why: what agents act on (ranking, content, the fix).
      return h(
        "div",
        {},
        group,
        h(
          "div",
          { class: "tz-options tz-reasons", role: "group", "aria-label": this.t("why") },
          ...REASONS.map((r) =>
            h(
              "button",
              {
                type: "button",
                class: "tz-btn",
                "data-key": "why:" + m.id + ":" + r,
                onclick: () => this.vote(m, "down", r),
              },
              this.t(r),
            ),
          ),
        ),
      );
    }

    /** "Was this helpful?" under an article opened in the panel. */
    articleRating(id) {
      const status = h("span", { role: "status" });
      const button = (vote) =>
        h(
          "button",
          {
            type: "button",
            class: "tz-btn tz-" + vote,
            "aria-label": this.t(vote),
            "aria-pressed": "false",
            onclick: async (e) => {
              const pressed = e.currentTarget;
              try {
                await this.voteArticle(id, vote);
                pressed.parentElement
                  .querySelectorAll("button")
                  .forEach((b) => b.setAttribute("aria-pressed", String(b === pressed)));
                status.textContent = this.t("rated");
              } catch (err) {
                status.textContent = this.t("notSent");
              }
            },
          },
          icon("thumb"),
        );
      return h(
        "div",
        { class: "tz-rate", role: "group", "aria-label": this.t("rate") },
        h("span", { text: this.t("rate") }),
        button("up"),
        button("down"),
        status,
      );
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

    /**
     * A form the reply asks for (the ticket form of a handoff): fields in order, submitted as one
     * JSON object to the form's action on the bot, with the conversation token.
     */
    replyForm(m) {
      const form = m.form;
      if (m.formEl && m.formEl.dataset.state === String(m.formState)) return m.formEl;
      if (m.formState === "sent")
        return h("p", {
          class: "tz-form-done",
          role: "status",
          text: m.formResult || this.t("formSent"),
        });
      const label = (key, fallback) => this.local("form." + form.id + "." + key) || fallback;
      const fields = (form.fields || []).map((f) => {
        const id = "tz-" + form.id + "-" + f.name + "-" + m.id;
        const attrs = { id, name: f.name, required: !!f.required };
        if (f.type === "checkbox") {
          return h(
            "div",
            { class: "tz-check" },
            h("input", { ...attrs, type: "checkbox" }),
            h("label", { for: id, text: label(f.name, f.label) }),
          );
        }
        const type = f.type === "email" ? "email" : "text";
        const input = h("input", {
          ...attrs,
          type,
          autocomplete: f.name === "name" || f.name === "email" ? f.name : "off",
          maxlength: f.maxLength > 0 ? String(f.maxLength) : null,
        });
        if (f.value) input.value = f.value;
        return h(
          "div",
          { class: "tz-field" },
          h("label", { for: id, text: label(f.name, f.label) }),
          input,
        );
      });
      const el = h(
        "form",
        {
          class: "tz-form tz-form-" + form.id,
          "aria-label": this.t("form." + form.id + ".title") || this.t("formTitle"),
        },
        ...fields,
        m.formState === "failed"
          ? h("p", { class: "tz-error", role: "alert", text: this.t("formFailed") })
          : null,
        h(
          "button",
          { type: "submit", class: "tz-btn tz-submit" },
          label("submit", form.submitLabel),
        ),
      );
      el.dataset.state = String(m.formState);
      m.formEl = el;
      el.addEventListener("submit", async (e) => {
        e.preventDefault();
        const body = {};
        for (const f of form.fields || []) {
          const input = el.elements.namedItem(f.name);
          body[f.name] = f.type === "checkbox" ? input.checked : input.value.trim();
        }
        try {
          const result = await this.api.call(
            form.method || "POST",
            form.action,
            body,
            this.conversation.token,
          );
          m.formState = "sent";
          // A ticket receipt says what happens next in `message` and names the ticket in `number`.
          const said = result && (result.message || result.text);
          m.formResult =
            typeof said === "string"
              ? (result.number && !said.includes(result.number) ? result.number + ": " : "") + said
              : null;
          for (const reply of (result && result.replies) || [])
            this.messages.push({ from: "bot", ...reply });
          this.announce(m.formResult || this.t("formSent"));
        } catch (err) {
          m.formState = "failed";
        }
        this.renderMessages();
      });
      return el;
    }

    /** A string of the current language only, without falling back to English. */
    local(key) {
      const table = STRINGS[this.language];
      return this.language !== "en" && table && table[key];
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
          this.articleView.append(h("p", {}, this.fixItButton(article.flow, article.title)));
        if (this.features.feedback) this.articleView.append(this.articleRating(id));
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

  customElements.define(TAG, TierZeroChat);
})();
