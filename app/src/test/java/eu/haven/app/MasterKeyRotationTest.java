package eu.haven.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.haven.app.TestServer.Response;
import eu.haven.core.crypto.CryptoException;
import eu.haven.core.crypto.MasterKey;
import eu.haven.core.crypto.PersonKeys;
import eu.haven.store.FilePersonKeyStore;
import eu.haven.store.MasterKeyFile;
import eu.haven.store.MasterKeyRotation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * {@code haven keys rotate-master} while the server runs and keeps taking people on: afterwards
 * every person's data opens (through the running server and after a restart), every key file is
 * under the new generation, the file holds no older wrapping key, a copy of the old master key
 * opens none of the key files, and an erased person stays erased.
 */
class MasterKeyRotationTest {
    private record Person(UUID id, String code, String room) {}

    @Test
    void a_rotation_beside_a_running_server_keeps_every_person_readable_and_the_erased_erased() throws Exception {
        Path dir = Files.createTempDirectory("haven-rotate");
        HavenConfig config = HavenConfig.embedded(dir);
        List<Person> people = new ArrayList<>();
        String oldFile;
        Person erased;
        try (TestServer server = new TestServer(config, UnaryOperator.identity())) {
            String shelter = server.login("shelter.worker");
            for (int i = 0; i < 20; i++) {
                people.add(create(server, shelter, i));
            }
            erased = people.remove(0);
            assertThat(server.send("POST", "/api/v1/me/erasure", server.personToken(erased.code()), null, null).status()).isEqualTo(200);
            oldFile = Files.readString(config.masterKeyFile(), StandardCharsets.US_ASCII);

            // People keep being taken on, and one erases themself, while the rotation runs.
            AtomicBoolean rotating = new AtomicBoolean(true);
            List<Person> during = java.util.Collections.synchronizedList(new ArrayList<>());
            Person erasedDuring = people.remove(0);
            ExecutorService pool = Executors.newSingleThreadExecutor();
            Future<?> intake = pool.submit(() -> {
                for (int i = 100; rotating.get() || i < 105; i++) {
                    during.add(create(server, shelter, i));
                    if (i == 101) {
                        assertThat(server.send("POST", "/api/v1/me/erasure", server.personToken(erasedDuring.code()), null, null).status())
                            .isEqualTo(200);
                    }
                }
            });
            int exit = Main.cli().execute("keys", "rotate-master", "--data-dir", dir.toString(), "--settle", "PT0.3S");
            rotating.set(false);
            intake.get();
            pool.shutdown();
            assertThat(exit).isZero();
            assertThat(during).isNotEmpty();
            people.addAll(during);

            MasterKey now = MasterKeyFile.read(config.masterKeyFile());
            assertThat(now.generation()).isEqualTo(2);
            assertThat(now.rotating()).as("the old wrapping key is gone from the file").isFalse();
            FilePersonKeyStore store = new FilePersonKeyStore(config.keyStoreDir());
            assertThat(store.persons()).hasSize(people.size()).doesNotContain(erased.id(), erasedDuring.id());
            for (UUID id : store.persons()) {
                assertThat(MasterKey.generationOf(store.load(id).orElseThrow())).isEqualTo(2);
            }
            Person after = create(server, shelter, 999);
            assertThat(MasterKey.generationOf(store.load(after.id()).orElseThrow()))
                .as("the running server wraps a new person's key under the new generation").isEqualTo(2);
            people.add(after);
            assertThatThrownBy(() -> new PersonKeys(MasterKey.parse(oldFile), store).forPerson(people.get(0).id()))
                .as("a copy of the old master key opens none of the re-wrapped keys").isInstanceOf(CryptoException.class);

            for (Person p : people) {
                assertReadable(server, shelter, p);
            }
            assertErased(server, shelter, erased);
            assertErased(server, shelter, erasedDuring);

            // A second rotation (from the new format) also holds.
            assertThat(Main.cli().execute("keys", "rotate-master", "--data-dir", dir.toString(), "--settle", "PT0S")).isZero();
            assertThat(MasterKeyFile.read(config.masterKeyFile()).generation()).isEqualTo(3);
            assertReadable(server, shelter, people.get(people.size() - 1));
        }
        try (TestServer restarted = new TestServer(config, UnaryOperator.identity())) {
            String shelter = restarted.login("shelter.worker");
            for (Person p : people) {
                assertReadable(restarted, shelter, p);
            }
            assertErased(restarted, shelter, erased);
            assertThat(restarted.personToken(people.get(0).code())).as("access codes still sign in: their lookup key did not change")
                .isNotBlank();
        }
    }

    @Test
    void an_interrupted_rotation_resumes_and_a_stale_file_is_refused_with_its_reason() throws Exception {
        Path dir = Files.createTempDirectory("haven-rotate-resume");
        HavenConfig config = HavenConfig.embedded(dir);
        Person p;
        try (TestServer server = new TestServer(config, UnaryOperator.identity())) {
            p = create(server, server.login("shelter.worker"), 1);
        }
        // Interrupted after the file got its new generation, before any key was re-wrapped.
        MasterKey first = MasterKeyFile.read(config.masterKeyFile());
        MasterKeyFile.write(config.masterKeyFile(), first.rotated(new byte[32]));
        assertThat(MasterKey.generationOf(new FilePersonKeyStore(config.keyStoreDir()).load(p.id()).orElseThrow())).isEqualTo(1);
        MasterKeyRotation.Result r = new MasterKeyRotation(config.masterKeyFile(), config.keyStoreDir(), Duration.ZERO).rotate().orElseThrow();
        assertThat(r.to()).as("it finishes the rotation begun, not a new one").isEqualTo(2);
        assertThat(r.rewrapped()).isEqualTo(1);
        try (TestServer server = new TestServer(config, UnaryOperator.identity())) {
            assertReadable(server, server.login("shelter.worker"), p);
        }
        Files.writeString(config.masterKeyFile(), "haven-master-key v2\nderive AAAA\n");
        assertThatThrownBy(() -> MasterKeyFile.read(config.masterKeyFile())).hasMessageContaining("not a master key");
    }

    private static Person create(TestServer server, String shelter, int i) {
        String room = "room-" + i + "-" + UUID.randomUUID();
        Response r = server.send("POST", "/api/v1/persons", shelter, "shelter", "{\"displayName\":\"Rotated " + i + "\",\"preferredLanguage\":\"uk\"}");
        assertThat(r.status()).isEqualTo(201);
        UUID id = UUID.fromString(r.body().get("id").asText());
        assertThat(server.send("POST", "/api/v1/persons/" + id + "/records", shelter, "shelter",
            "{\"category\":\"housing\",\"data\":{\"room\":\"" + room + "\"}}").status()).isEqualTo(201);
        return new Person(id, r.body().get("accessCode").asText(), room);
    }

    private static void assertReadable(TestServer server, String shelter, Person p) {
        Response read = server.send("GET", "/api/v1/persons/" + p.id() + "/records", shelter, "shelter", null);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.raw()).contains(p.room());
    }

    private static void assertErased(TestServer server, String shelter, Person p) {
        Response read = server.send("GET", "/api/v1/persons/" + p.id() + "/records", shelter, "shelter", null);
        assertThat(read.status()).isEqualTo(404);
        assertThat(read.raw()).doesNotContain(p.room());
    }
}
