import assert from "node:assert/strict";
import { beforeEach, describe, it } from "node:test";
import { STARTED_MAX, rememberStarted, startedConversations, storageIn } from "../src/storage.js";

/** An in-memory stand-in for window.localStorage: strings under keys. */
class MemoryStorage {
  constructor() {
    this.items = new Map();
  }
  getItem(key) {
    return this.items.has(key) ? this.items.get(key) : null;
  }
  setItem(key, value) {
    this.items.set(key, String(value));
  }
  removeItem(key) {
    this.items.delete(key);
  }
}

const KEY = "tierzero-chat:https://help.example.com/:started";

describe("storageIn", () => {
  let memory;
  let store;
  beforeEach(() => {
    memory = new MemoryStorage();
    store = storageIn(() => memory);
  });

  it("keeps JSON values under their key", () => {
    store.set("k", { id: "c1", open: true });
    assert.equal(memory.getItem("k"), '{"id":"c1","open":true}');
    assert.deepEqual(store.get("k"), { id: "c1", open: true });
  });

  it("removes a key set to null, and reads a missing key as null", () => {
    store.set("k", [1]);
    store.set("k", null);
    assert.equal(memory.items.has("k"), false);
    assert.equal(store.get("k"), null);
  });

  it("reads what is not JSON as null", () => {
    memory.setItem("k", "{not json");
    assert.equal(store.get("k"), null);
  });

  it("goes on without storage when the browser refuses it", () => {
    const blocked = storageIn(() => {
      throw new Error("SecurityError: storage is blocked");
    });
    assert.equal(blocked.get("k"), null);
    assert.doesNotThrow(() => blocked.set("k", { id: "c1" }));
    const full = storageIn(() => ({
      setItem() {
        throw new Error("QuotaExceededError");
      },
    }));
    assert.doesNotThrow(() => full.set("k", "x"));
  });
});

describe("the conversations this browser started", () => {
  let memory;
  let store;
  beforeEach(() => {
    memory = new MemoryStorage();
    store = storageIn(() => memory);
  });

  it("lists them newest first, with token and time", () => {
    rememberStarted(store, KEY, { id: "c1", token: "t1" }, "2026-12-01T10:00:00.000Z");
    rememberStarted(store, KEY, { id: "c2", token: "t2" }, "2026-12-02T10:00:00.000Z");
    assert.deepEqual(JSON.parse(memory.getItem(KEY)), [
      { id: "c2", token: "t2", at: "2026-12-02T10:00:00.000Z" },
      { id: "c1", token: "t1", at: "2026-12-01T10:00:00.000Z" },
    ]);
  });

  it("lists a conversation once, moved to the front when it starts again", () => {
    rememberStarted(store, KEY, { id: "c1", token: "t1" }, "a");
    rememberStarted(store, KEY, { id: "c2", token: "t2" }, "b");
    rememberStarted(store, KEY, { id: "c1", token: "t1-new" }, "c");
    assert.deepEqual(
      store.get(KEY).map((c) => c.id + "/" + c.token),
      ["c1/t1-new", "c2/t2"],
    );
  });

  it("keeps at most STARTED_MAX, dropping the oldest", () => {
    for (let i = 1; i <= STARTED_MAX + 5; i++) {
      rememberStarted(store, KEY, { id: "c" + i, token: "t" + i }, "at" + i);
    }
    const ids = store.get(KEY).map((c) => c.id);
    assert.equal(STARTED_MAX, 20);
    assert.equal(ids.length, 20);
    assert.equal(ids[0], "c25");
    assert.equal(ids[19], "c6");
  });

  it("reads back ids and tokens only, skipping entries without both", () => {
    memory.setItem(
      KEY,
      JSON.stringify([
        { id: "c3", token: "t3", at: "x" },
        null,
        { id: "c2" },
        { id: 7, token: "t" },
        { id: "c1", token: "t1", extra: true },
      ]),
    );
    assert.deepEqual(startedConversations(store, KEY), [
      { id: "c3", token: "t3" },
      { id: "c1", token: "t1" },
    ]);
  });

  it("reads an empty list when nothing or garbage is stored", () => {
    assert.deepEqual(startedConversations(store, KEY), []);
    memory.setItem(KEY, "[oops");
    assert.deepEqual(startedConversations(store, KEY), []);
  });

  it("keeps each bot's list under its own key", () => {
    rememberStarted(store, KEY, { id: "c1", token: "t1" }, "a");
    assert.deepEqual(
      startedConversations(store, "tierzero-chat:https://other.example/:started"),
      [],
    );
  });
});
