package io.tierzero.bot.ids;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdsTest {

  @Test
  void ids_are_version_7_uuids_carrying_their_creation_time() {
    long millis = 1_795_000_000_123L;
    var id = UUID.fromString(Ids.newId(millis));

    assertEquals(7, id.version());
    assertEquals(2, id.variant());
    assertEquals(millis, id.getMostSignificantBits() >>> 16);
  }

  @Test
  void later_ids_sort_after_earlier_ones_as_text() {
    var earlier = new ArrayList<String>();
    var later = new ArrayList<String>();
    for (int i = 0; i < 100; i++) {
      earlier.add(Ids.newId(1_795_000_000_000L + i));
      later.add(Ids.newId(1_795_000_000_000L + 1_000 + i));
    }
    for (int i = 0; i < 100; i++) {
      assertTrue(
          earlier.get(i).compareTo(later.get(i)) < 0, earlier.get(i) + " vs " + later.get(i));
      if (i > 0) assertTrue(earlier.get(i - 1).compareTo(earlier.get(i)) < 0);
    }
  }

  @Test
  void ids_made_in_the_same_millisecond_differ_in_their_random_bits() {
    var seen = new HashSet<String>();
    for (int i = 0; i < 10_000; i++) seen.add(Ids.newId(1_795_000_000_000L));
    assertEquals(10_000, seen.size());

    // The 74 random bits vary independently of the time: the low half is not a counter.
    var a = UUID.fromString(Ids.newId(1_795_000_000_000L));
    var b = UUID.fromString(Ids.newId(1_795_000_000_000L));
    assertNotEquals(a.getLeastSignificantBits() + 1, b.getLeastSignificantBits());
  }
}
