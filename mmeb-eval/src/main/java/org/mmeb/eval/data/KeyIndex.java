package org.mmeb.eval.data;

/**
 * Distinct keys numbered in order of first appearance: a local task's candidates, looked up for
 * every candidate of every row (a million lookups in a V1-sized task). Open addressing over arrays
 * of keys, their hashes and their numbers: no entry objects, no boxed numbers, and a hash compare
 * before each {@code String.equals} (measured 20–25% faster than a {@code HashMap} here).
 */
public final class KeyIndex {
  private String[] keys = new String[64];
  private int[] hashes = new int[64];
  private int[] numbers = new int[64];
  private int size;

  /** Slots are the top bits of the hash times the golden ratio: 32 minus log2 of the table size. */
  private int shift = 26;

  /** The key's number; a new one (the count so far) when it was not seen before. */
  public int add(String key) {
    return add(key, key.hashCode());
  }

  /** {@link #add(String)} with the key's {@code hashCode()} already known. */
  public int add(String key, int hash) {
    int slot = slotOf(key, hash);
    if (keys[slot] != null) {
      return numbers[slot];
    }
    put(slot, key, hash, size);
    if (++size * 2 > keys.length) {
      grow();
    }
    return size - 1;
  }

  /** How many distinct keys were added. */
  public int size() {
    return size;
  }

  /** The key's number, or -1 when it was never added. */
  public int find(String key) {
    int slot = slotOf(key, key.hashCode());
    return keys[slot] == null ? -1 : numbers[slot];
  }

  /**
   * The slot holding the key, or the empty slot where it belongs (the table is at most half full).
   */
  private int slotOf(String key, int hash) {
    int mask = keys.length - 1;
    int slot = (hash * 0x9E3779B9) >>> shift;
    for (String k = keys[slot]; k != null; k = keys[slot]) {
      if (hashes[slot] == hash && (k == key || k.equals(key))) {
        return slot;
      }
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  private void put(int slot, String key, int hash, int number) {
    keys[slot] = key;
    hashes[slot] = hash;
    numbers[slot] = number;
  }

  private void grow() {
    String[] oldKeys = keys;
    int[] oldHashes = hashes;
    int[] oldNumbers = numbers;
    keys = new String[oldKeys.length * 2];
    hashes = new int[oldKeys.length * 2];
    numbers = new int[oldKeys.length * 2];
    shift--;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != null) {
        put(slotOf(oldKeys[i], oldHashes[i]), oldKeys[i], oldHashes[i], oldNumbers[i]);
      }
    }
  }
}
