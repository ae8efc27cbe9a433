package io.perfopt.simulator.mechanism;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A real least-recently-used cache of integer keys: an access-ordered {@link LinkedHashMap}
 * that evicts its eldest entry beyond capacity. The simulator asks it only whether a key was
 * present; the hit ratio is whatever the key stream and the capacity make it. Its memory grows
 * with what it holds, not with its capacity, as a real cache's does.
 */
public final class LruCache {

    private final Map<Integer, Boolean> entries = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Boolean> eldest) {
            return size() > capacity;
        }
    };
    private int capacity;

    public LruCache(int capacity) {
        resize(capacity);
    }

    /** Looks the key up, loading it on a miss. Returns whether it was a hit. */
    public boolean access(int key) {
        if (capacity == 0) {
            return false;
        }
        if (entries.get(key) != null) {
            return true;
        }
        entries.put(key, Boolean.TRUE);
        return false;
    }

    /** Changes the capacity, evicting the least recently used entries when it shrinks. */
    public void resize(int newCapacity) {
        if (newCapacity < 0) {
            throw new IllegalArgumentException("cache capacity must be >= 0, got " + newCapacity);
        }
        capacity = newCapacity;
        Iterator<Integer> eldestFirst = entries.keySet().iterator();
        while (entries.size() > capacity && eldestFirst.hasNext()) {
            eldestFirst.next();
            eldestFirst.remove();
        }
    }

    /** How many entries the cache holds now. */
    public int size() {
        return entries.size();
    }

    public int capacity() {
        return capacity;
    }
}
