package io.tierzero.kb.flow;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What an {@code ask} step expects; the widget picks its input control from it. */
public enum InputType {
  /** Free text, optionally checked against a pattern. */
  TEXT,
  /** One of the step's {@code options}, by text or number. */
  CHOICE,
  /** Yes or no, in the usual ways of saying them. */
  YES_NO,
  /** An email address. */
  EMAIL,
  /** A one-time code (six digits unless the step's pattern says otherwise): never stored. */
  CODE,
  /** A password or other secret: never stored, logged, echoed or shown in a transcript. */
  SECRET;

  /** The name used in flow files and JSON: {@code yes_no}. */
  public String yaml() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<InputType> fromYaml(String value) {
    return Arrays.stream(values()).filter(t -> t.yaml().equals(value)).findFirst();
  }

  /** Whether what the user types here must never be kept (secrets and one-time codes). */
  public boolean sensitive() {
    return this == SECRET || this == CODE;
  }
}
