package io.tierzero.kb.search;

/** What the bot should do with a search result. */
public enum Decision {
  /** The first hit answers the question. */
  ANSWER,
  /** The first two hits are close and both plausible: ask "did you mean A or B?". */
  CLARIFY,
  /** No article answers confidently: do not show the least-bad one. */
  ABSTAIN
}
