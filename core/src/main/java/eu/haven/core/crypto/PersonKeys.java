package eu.haven.core.crypto;

import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;

/** Each person's AES-256 data key: created, unwrapped on demand, cached, destroyed on erasure. */
public final class PersonKeys {
    private static final int CACHE_SIZE = 10_000;
    private final MasterKey master;
    private final PersonKeyStore store;
    private final Map<UUID, SecretKey> cache = new LinkedHashMap<>(256, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, SecretKey> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    public PersonKeys(MasterKey master, PersonKeyStore store) {
        this.master = master;
        this.store = store;
    }

    public SecretKey create(UUID personId) {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256);
            SecretKey key = generator.generateKey();
            store.save(personId, master.wrap(personId, key));
            synchronized (cache) {
                cache.put(personId, key);
            }
            return key;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("AES is not available", e);
        }
    }

    public SecretKey forPerson(UUID personId) {
        synchronized (cache) {
            SecretKey cached = cache.get(personId);
            if (cached != null) {
                return cached;
            }
        }
        byte[] wrapped = store.load(personId).orElseThrow(() -> new CryptoException("no data key for this person"));
        SecretKey key = master.unwrap(personId, wrapped);
        synchronized (cache) {
            cache.put(personId, key);
        }
        return key;
    }

    public boolean destroy(UUID personId) {
        synchronized (cache) {
            cache.remove(personId);
        }
        return store.destroy(personId);
    }
}
