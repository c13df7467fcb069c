/*
 * What the widget keeps in the browser. Storage can throw (blocked cookies, private modes): the
 * chat then lives for the page only. The current conversation is per tab (sessionStorage); the list
 * of conversations started is per browser (localStorage), like the tickets raised from them.
 */

// Conversations this browser started, newest first, kept so the widget can ask for their tickets
// (POST /api/tickets/mine, which takes at most this many); capped so a long-lived browser does not collect tokens without end.
export const STARTED_MAX = 20;

/**
 * JSON values under keys of the Storage area() returns, read as null and written nowhere when the
 * storage fails; area is a function because merely reading window.localStorage can throw.
 */
export function storageIn(area) {
  return {
    get(key) {
      try {
        return JSON.parse(area().getItem(key) || "null");
      } catch (e) {
        return null;
      }
    },
    set(key, value) {
      try {
        if (value === null) area().removeItem(key);
        else area().setItem(key, JSON.stringify(value));
      } catch (e) {
        /* not kept across reloads */
      }
    },
  };
}

export const storage = storageIn(() => window.sessionStorage);
export const browserStorage = storageIn(() => window.localStorage);

/** Puts a conversation first in the list under key ({id, token, at}), once, at most STARTED_MAX. */
export function rememberStarted(store, key, conversation, at) {
  const list = (store.get(key) || []).filter((c) => c && c.id !== conversation.id);
  store.set(
    key,
    [{ id: conversation.id, token: conversation.token, at }, ...list].slice(0, STARTED_MAX),
  );
}

/** The conversations listed under key that carry an id and a token, newest first: [{id, token}]. */
export function startedConversations(store, key) {
  return (store.get(key) || [])
    .filter((c) => c && typeof c.id === "string" && typeof c.token === "string")
    .slice(0, STARTED_MAX)
    .map((c) => ({ id: c.id, token: c.token }));
}
