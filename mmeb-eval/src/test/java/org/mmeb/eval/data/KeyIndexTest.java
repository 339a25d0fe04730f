package org.mmeb.eval.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KeyIndexTest {
  @Test
  void numbersKeysInOrderOfFirstAppearanceAsAMapWould() {
    KeyIndex index = new KeyIndex();
    Map<String, Integer> expected = new HashMap<>();
    SplittableRandom random = new SplittableRandom(4);
    for (int i = 0; i < 20_000; i++) {
      // new String instances with equal content, and "Aa"/"BB"-style hash collisions
      String key = new String(random.nextBoolean() ? "k" + random.nextInt(3000) : "AaBB");
      if (random.nextInt(10) == 0) {
        key = random.nextBoolean() ? "AaAa" : "BBBB";
      }
      int number = expected.computeIfAbsent(key, k -> expected.size());
      assertThat(index.add(key)).as(key).isEqualTo(number);
    }
    assertThat(index.find(new String("AaAa"))).isEqualTo(expected.get("AaAa"));
    assertThat(index.find("never added")).isEqualTo(-1);
  }

  @Test
  void numbersMoreKeysThanSixteenBitsOfSlots() {
    KeyIndex index = new KeyIndex();
    for (int i = 0; i < 200_000; i++) {
      assertThat(index.add("c" + i)).isEqualTo(i);
    }
    for (int i = 0; i < 200_000; i += 997) {
      assertThat(index.add(new String("c" + i))).isEqualTo(i);
      assertThat(index.find("c" + i)).isEqualTo(i);
    }
    assertThat(index.find("c200000")).isEqualTo(-1);
  }
}
