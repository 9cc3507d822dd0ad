package eu.haven.core.crypto;

import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;

/** Each person's AES-256 data key: created, unwrapped on demand, cached, destroyed on erasure. */
public final class PersonKeys {
    private static final int CACHE_SIZE = 10_000;
    private final Supplier<MasterKey> master;
    private final PersonKeyStore store;
    private final Map<UUID, SecretKey> cache = new LinkedHashMap<>(256, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, SecretKey> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    public PersonKeys(MasterKey master, PersonKeyStore store) {
        this(() -> master, store);
    }

    /**
     * {@code master} gives the master key as it is now: a rotation running beside the server
     * changes it, and new keys must be wrapped under the newest generation from then on.
     */
    public PersonKeys(Supplier<MasterKey> master, PersonKeyStore store) {
        this.master = master;
        this.store = store;
    }

    public SecretKey create(UUID personId) {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256);
            SecretKey key = generator.generateKey();
            store.save(personId, master.get().wrap(personId, key));
            synchronized (cache) {
                cache.put(personId, key);
            }
            return key;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("AES is not available", e);
        }
    }

    public SecretKey forPerson(UUID personId) {
        return find(personId).orElseThrow(() -> new CryptoException("no data key for this person"));
    }

    /** The person's key; empty once it has been destroyed (the person is erased). */
    public java.util.Optional<SecretKey> find(UUID personId) {
        SecretKey cached;
        synchronized (cache) {
            cached = cache.get(personId);
        }
        if (cached != null) {
            // On a shared store one stat: another server may have erased the person since the key was kept.
            if (!store.shared() || store.exists(personId)) {
                return java.util.Optional.of(cached);
            }
            synchronized (cache) {
                cache.remove(personId);
            }
            return java.util.Optional.empty();
        }
        java.util.Optional<byte[]> wrapped = store.load(personId);
        if (wrapped.isEmpty()) {
            return java.util.Optional.empty();
        }
        SecretKey key = master.get().unwrap(personId, wrapped.get());
        synchronized (cache) {
            cache.put(personId, key);
        }
        return java.util.Optional.of(key);
    }

    public boolean destroy(UUID personId) {
        synchronized (cache) {
            cache.remove(personId);
        }
        return store.destroy(personId);
    }
}
