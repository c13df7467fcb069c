package io.tierzero.kb.index;

/** Told how far a build is; called from the building thread. */
@FunctionalInterface
public interface Progress {
  Progress NONE = (phase, done, total) -> {};

  void update(String phase, int done, int total);
}
