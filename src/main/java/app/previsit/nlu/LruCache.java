package app.previsit.nlu;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bounded map that forgets the least recently used entry. One lock: entries are tiny and a hit
 * is a hash lookup, so on two cores a lock costs less than anything cleverer.
 */
final class LruCache<K, V> {
  private final Map<K, V> map;

  LruCache(int capacity) {
    map = new LinkedHashMap<>(capacity * 4 / 3 + 1, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > capacity;
      }
    };
  }

  synchronized V get(K key) {
    return map.get(key);
  }

  synchronized void put(K key, V value) {
    map.put(key, value);
  }

  synchronized int size() {
    return map.size();
  }
}
