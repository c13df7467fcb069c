/*
 * A conversation's messages as markup: the user's and the bot's messages, article cards, quick
 * replies, ratings, ticket lists and forms. Each takes the chat element it draws for (its strings,
 * its state, and the actions its buttons call).
 */
import { h, icon } from "./dom.js";
import { sanitize } from "./sanitiser.js";
import { localString } from "./strings.js";

// The bot's standard option for starting over (chat Options.NEW_CONVERSATION): the widget acts
// on it itself instead of sending it.
const NEW_CONVERSATION_TEXT = "Start a new conversation";
// Why an answer was rated down; the bot's fixed list (feedback Reason).
const REASONS = ["wrong_article", "outdated", "unclear", "didnt_work"];
const esc = encodeURIComponent;

/** A guided fix's last word: a step that asks for nothing more (choices carry an input type). */
function flowEnded(m) {
  return m.type === "flow_step" && !m.input && !m.form;
}

export function userItem(chat, m) {
  const item = h(
    "li",
    { class: "tz-msg tz-user" + (m.state === "failed" ? " tz-failed" : "") },
    h("span", { class: "tz-sr", text: chat.t("you") + " " }),
    m.secret || m.hidden
      ? h(
          "p",
          {},
          h("span", { "aria-hidden": "true", text: "\u2022\u2022\u2022\u2022\u2022\u2022" }),
          h("span", { class: "tz-sr", text: chat.t("hidden") }),
        )
      : h("p", { dir: "auto", text: m.text }),
  );
  if (m.state === "failed") {
    item.append(
      h(
        "p",
        { class: "tz-error", role: "alert" },
        chat.t("notSent") + " ",
        h(
          "button",
          {
            type: "button",
            class: "tz-btn tz-retry",
            "data-key": "retry",
            onclick: () => chat.deliver(m),
          },
          chat.t("retry"),
        ),
      ),
    );
  }
  return item;
}

/** @param current whether this reply belongs to the latest turn: only then are options live */
export function botItem(chat, m, current) {
  const item = h(
    "li",
    { class: "tz-msg tz-bot", "data-type": m.type || "text" },
    h("span", { class: "tz-sr", text: chat.t("bot") + " " }),
    // dir=auto: the bot's and the articles' text keeps its own direction in either layout.
    h("p", { dir: "auto", text: m.text }),
  );
  if (m.articles && m.articles.length) item.append(cards(chat, m.articles, m.id));
  if (m.tickets && m.tickets.length) item.append(ticketList(chat, m.tickets));
  if (current && m.options && m.options.length && !chat.busy) {
    item.append(
      h(
        "div",
        { class: "tz-options", role: "group", "aria-label": chat.t("quickReplies") },
        ...m.options.map((o) =>
          h(
            "button",
            {
              type: "button",
              class: "tz-btn tz-option",
              onclick: () => (o === NEW_CONVERSATION_TEXT ? chat.newConversation() : chat.send(o)),
            },
            o,
          ),
        ),
      ),
    );
  }
  if (m.id && (m.type === "answer" || m.type === "no_answer" || (current && flowEnded(m))))
    item.append(rating(chat, m));
  if (m.form && m.id) item.append(replyForm(chat, m));
  return item;
}

/** Number, status and last update of each ticket, most recently updated first. */
function ticketList(chat, tickets) {
  const when = (iso) => {
    const d = new Date(iso);
    return isNaN(d)
      ? ""
      : d.toLocaleString(chat.language || undefined, {
          dateStyle: "medium",
          timeStyle: "short",
        });
  };
  return h(
    "div",
    { class: "tz-my-tickets" },
    h("h3", { text: chat.t("myTickets") }),
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
            chat.t("updated") +
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

function cards(chat, articles, owner) {
  return h(
    "ul",
    { class: "tz-cards", "aria-label": chat.t("articles") },
    ...articles.map((a) =>
      h(
        "li",
        { class: "tz-card", "data-article": a.id },
        h("h3", { dir: "auto", text: a.title }),
        h("p", { class: "tz-snippet", dir: "auto" }, sanitize(a.snippet, chat.api.base)),
        h(
          "div",
          { class: "tz-actions" },
          h(
            "button",
            {
              type: "button",
              class: "tz-btn tz-read",
              "data-key": "read:" + owner + ":" + a.id,
              "aria-label": chat.t("open") + ": " + a.title,
              onclick: (e) => chat.showArticle(a.id, e.currentTarget),
            },
            chat.t("open"),
          ),
          h(
            "a",
            {
              class: "tz-tab",
              href: chat.api.url("/kb/" + esc(a.id)),
              target: "_blank",
              rel: "noopener noreferrer",
            },
            chat.t("openTab"),
            h("span", { class: "tz-sr", text: ": " + a.title + " " + chat.t("newTab") }),
          ),
          a.flow ? fixItButton(chat, a.flow, a.title) : null,
        ),
      ),
    ),
  );
}

/** "Fix it for me": starts the article's guided fix in this conversation. */
export function fixItButton(chat, flow, title) {
  return h(
    "button",
    {
      type: "button",
      class: "tz-btn tz-fix",
      "data-flow": flow,
      "aria-label": chat.t("fixIt") + (title ? ": " + title : ""),
      onclick: () => chat.startFlow(flow),
    },
    chat.t("fixIt"),
  );
}

function rating(chat, m) {
  const on = !!chat.features.feedback;
  const button = (vote) =>
    h(
      "button",
      {
        type: "button",
        class: "tz-btn tz-" + vote,
        "data-key": "vote:" + m.id + ":" + vote,
        "aria-label": chat.t(vote),
        "aria-pressed": m.vote === vote ? "true" : "false",
        title: on ? chat.t(vote) : chat.t("rateSoon"),
        disabled: !on,
        onclick: () => chat.vote(m, vote),
      },
      icon("thumb"),
    );
  const group = h(
    "div",
    {
      class: "tz-rate",
      role: "group",
      "aria-label": chat.t(m.type === "flow_step" ? "solved" : "rate"),
    },
    m.type === "flow_step" ? h("span", { text: chat.t("solved") }) : null,
    button("up"),
    button("down"),
    m.vote ? h("span", { text: chat.t("rated") }) : null,
  );
  if (m.vote !== "down" || m.reason) return group;
  // After a thumbs down, one tap says why: what agents act on (ranking, content, the fix).
  return h(
    "div",
    {},
    group,
    h(
      "div",
      { class: "tz-options tz-reasons", role: "group", "aria-label": chat.t("why") },
      ...REASONS.map((r) =>
        h(
          "button",
          {
            type: "button",
            class: "tz-btn",
            "data-key": "why:" + m.id + ":" + r,
            onclick: () => chat.vote(m, "down", r),
          },
          chat.t(r),
        ),
      ),
    ),
  );
}

/** "Was this helpful?" under an article opened in the panel. */
export function articleRating(chat, id) {
  const status = h("span", { role: "status" });
  const button = (vote) =>
    h(
      "button",
      {
        type: "button",
        class: "tz-btn tz-" + vote,
        "aria-label": chat.t(vote),
        "aria-pressed": "false",
        onclick: async (e) => {
          const pressed = e.currentTarget;
          try {
            await chat.voteArticle(id, vote);
            pressed.parentElement
              .querySelectorAll("button")
              .forEach((b) => b.setAttribute("aria-pressed", String(b === pressed)));
            status.textContent = chat.t("rated");
          } catch (err) {
            status.textContent = chat.t("notSent");
          }
        },
      },
      icon("thumb"),
    );
  return h(
    "div",
    { class: "tz-rate", role: "group", "aria-label": chat.t("rate") },
    h("span", { text: chat.t("rate") }),
    button("up"),
    button("down"),
    status,
  );
}

/**
 * A form the reply asks for (the ticket form of a handoff): fields in order, submitted as one
 * JSON object to the form's action on the bot, with the conversation token.
 */
function replyForm(chat, m) {
  const form = m.form;
  if (m.formEl && m.formEl.dataset.state === String(m.formState)) return m.formEl;
  if (m.formState === "sent")
    return h("p", {
      class: "tz-form-done",
      role: "status",
      text: m.formResult || chat.t("formSent"),
    });
  const label = (key, fallback) =>
    localString(chat.language, "form." + form.id + "." + key) || fallback;
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
      "aria-label": chat.t("form." + form.id + ".title") || chat.t("formTitle"),
    },
    ...fields,
    m.formState === "failed"
      ? h("p", { class: "tz-error", role: "alert", text: chat.t("formFailed") })
      : null,
    h("button", { type: "submit", class: "tz-btn tz-submit" }, label("submit", form.submitLabel)),
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
      const result = await chat.api.call(
        form.method || "POST",
        form.action,
        body,
        chat.conversation.token,
      );
      m.formState = "sent";
      // A ticket receipt says what happens next in `message` and names the ticket in `number`.
      const said = result && (result.message || result.text);
      m.formResult =
        typeof said === "string"
          ? (result.number && !said.includes(result.number) ? result.number + ": " : "") + said
          : null;
      for (const reply of (result && result.replies) || [])
        chat.messages.push({ from: "bot", ...reply });
      chat.announce(m.formResult || chat.t("formSent"));
    } catch (err) {
      m.formState = "failed";
    }
    chat.renderMessages();
  });
  return el;
}
