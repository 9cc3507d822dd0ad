package eu.haven.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.haven.core.person.AccessCodes;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;

class CryptoTest {
    private final MasterKey master = new MasterKey(new byte[32]);

    static final class MapKeyStore implements PersonKeyStore {
        final Map<UUID, byte[]> keys = new HashMap<>();
        boolean shared;

        @Override
        public boolean shared() {
            return shared;
        }

        public void save(UUID id, byte[] k) {
            keys.put(id, k);
        }

        public Optional<byte[]> load(UUID id) {
            return Optional.ofNullable(keys.get(id));
        }

        public boolean destroy(UUID id) {
            return keys.remove(id) != null;
        }
    }

    @Test
    void sealed_data_opens_only_with_the_same_key_and_associated_data() {
        MapKeyStore store = new MapKeyStore();
        PersonKeys keys = new PersonKeys(master, store);
        UUID person = UUID.randomUUID();
        SecretKey key = keys.create(person);
        byte[] sealed = Sealer.seal(key, "a".getBytes(StandardCharsets.UTF_8), "secret".getBytes(StandardCharsets.UTF_8));
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("secret");
        assertThat(Sealer.open(keys.forPerson(person), "a".getBytes(StandardCharsets.UTF_8), sealed)).asString().isEqualTo("secret");
        assertThatThrownBy(() -> Sealer.open(key, "b".getBytes(StandardCharsets.UTF_8), sealed)).isInstanceOf(CryptoException.class);
        // A fresh PersonKeys (no cache) unwraps from the store; after destruction nothing opens.
        assertThat(new PersonKeys(master, store).forPerson(person).getEncoded()).isEqualTo(key.getEncoded());
        assertThat(keys.destroy(person)).isTrue();
        assertThatThrownBy(() -> keys.forPerson(person)).isInstanceOf(CryptoException.class);
    }

    @Test
    void a_key_kept_in_memory_is_gone_once_another_server_destroys_it_in_the_shared_store() {
        MapKeyStore store = new MapKeyStore();
        store.shared = true;
        PersonKeys one = new PersonKeys(master, store);
        PersonKeys two = new PersonKeys(master, store);
        UUID person = UUID.randomUUID();
        one.create(person);
        assertThat(two.find(person)).as("read and kept by the second server").isPresent();
        assertThat(one.destroy(person)).isTrue();
        assertThat(two.find(person)).as("the erasure through the first server").isEmpty();
        assertThatThrownBy(() -> two.forPerson(person)).isInstanceOf(CryptoException.class);
    }

    @Test
    void a_rotated_master_key_keeps_its_derivations_opens_both_generations_until_it_ends_and_reads_back_from_its_text() {
        byte[] raw = new byte[32];
        raw[0] = 7;
        MasterKey first = MasterKey.parse(java.util.Base64.getEncoder().encodeToString(raw) + "\n");
        MapKeyStore store = new MapKeyStore();
        UUID old = UUID.randomUUID();
        SecretKey oldKey = new PersonKeys(first, store).create(old);
        assertThat(MasterKey.generationOf(store.keys.get(old))).isEqualTo(1);

        byte[] fresh = new byte[32];
        fresh[31] = 9;
        MasterKey during = MasterKey.parse(first.rotated(fresh).text());
        assertThat(during.generation()).isEqualTo(2);
        assertThat(during.rotating()).isTrue();
        assertThat(during.derive("x")).as("keyed hashes stay as they were").isEqualTo(first.derive("x"));
        UUID young = UUID.randomUUID();
        SecretKey youngKey = new PersonKeys(during, store).create(young);
        assertThat(MasterKey.generationOf(store.keys.get(young))).isEqualTo(2);
        assertThat(new PersonKeys(during, store).forPerson(old).getEncoded()).isEqualTo(oldKey.getEncoded());
        assertThatThrownBy(() -> new PersonKeys(first, store).forPerson(young)).isInstanceOf(CryptoException.class)
            .hasMessageContaining("generation 2");

        MasterKey after = MasterKey.parse(during.withoutOlderGenerations().text());
        assertThat(after.generations()).containsExactly(2);
        assertThat(new PersonKeys(after, store).forPerson(young).getEncoded()).isEqualTo(youngKey.getEncoded());
        assertThat(after.opens(store.keys.get(old))).isFalse();
        store.save(old, after.wrap(old, oldKey));
        assertThat(new PersonKeys(after, store).forPerson(old).getEncoded()).isEqualTo(oldKey.getEncoded());
        assertThat(after.derive("x")).isEqualTo(first.derive("x"));
        assertThatThrownBy(() -> MasterKey.parse("haven-master-key v2\nderive " + java.util.Base64.getEncoder().encodeToString(raw)
            + "\nwrap 1 " + java.util.Base64.getEncoder().encodeToString(fresh) + "\ncurrent 2\n")).isInstanceOf(CryptoException.class);
    }

    @Test
    void a_wrapped_key_is_bound_to_its_person() {
        MapKeyStore store = new MapKeyStore();
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        new PersonKeys(master, store).create(a);
        store.save(b, store.keys.get(a));
        assertThatThrownBy(() -> new PersonKeys(master, store).forPerson(b)).isInstanceOf(CryptoException.class);
    }

    @Test
    void argon2id_hashes_verify_and_reject() {
        PasswordHasher hasher = new PasswordHasher(1024, 1, 1);
        String phc = hasher.hash("correct horse");
        assertThat(phc).startsWith("$argon2id$v=19$m=1024,t=1,p=1$");
        assertThat(hasher.verify("correct horse", phc)).isTrue();
        assertThat(hasher.verify("correct hors", phc)).isFalse();
        assertThat(hasher.verify("x", "not a hash")).isFalse();
    }

    @Test
    void access_codes_have_over_100_bits_and_normalise_what_people_type() {
        assertThat(AccessCodes.entropyBits()).isGreaterThan(100);
        String code = AccessCodes.generate();
        assertThat(code).matches("([2-9A-HJKMNP-TV-Z]{4}-){5}[2-9A-HJKMNP-TV-Z]{4}");
        assertThat(AccessCodes.normalise(" " + code.toLowerCase().replace("-", " ") + " ")).contains(code.replace("-", ""));
        assertThat(AccessCodes.normalise("too-short")).isEmpty();
        assertThat(AccessCodes.generate()).isNotEqualTo(code);
    }

    @Test
    void random_uuids_are_version_4_and_distinct() {
        java.util.Set<UUID> seen = new java.util.HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            UUID id = Randomness.uuid();
            assertThat(id.version()).isEqualTo(4);
            assertThat(id.variant()).isEqualTo(2);
            assertThat(UUID.fromString(id.toString())).isEqualTo(id);
            seen.add(id);
        }
        assertThat(seen).hasSize(10_000);
    }

    @Test
    void token_hash_is_sha256_hex_and_stable_across_calls() {
        String expected = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        assertThat(Tokens.hash("abc")).isEqualTo(expected);
        assertThat(Tokens.hash("abc")).isEqualTo(expected);
        assertThat(Tokens.hash("")).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }
}
