package eu.haven.app;

import static org.assertj.core.api.Assertions.assertThat;

import eu.haven.app.TestServer.Response;
import eu.haven.ledger.TrustedKeys;
import eu.haven.verify.HavenVerify;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * {@code haven ledger rotate-key}: the rotation is in the ledger, the old key's window closes where
 * its last checkpoint stands, and the ledger goes on under the new key. A verifier that last saw
 * the log under the old key follows it with the trusted-keys file (and not with the old key alone);
 * receipts from before and after verify; erasures signed by either key pass the audit at restart
 * and in {@code haven ledger audit}.
 */
class LedgerKeyRotationTest {
    private record Person(UUID id, String code, long created) {}

    @Test
    void a_rotated_ledger_key_keeps_the_log_verifiable_from_before_and_after() throws Exception {
        Path dir = Files.createTempDirectory("haven-rotate-ledger");
        HavenConfig config = HavenConfig.embedded(dir);
        Path state = dir.resolve("verifier-state");
        String oldVkey;
        Path receiptBefore = dir.resolve("before.tlog-proof");
        try (TestServer server = new TestServer(config, UnaryOperator.identity())) {
            String shelter = server.login("shelter.worker");
            Person kept = create(server, shelter);
            Person erased = create(server, shelter);
            assertThat(server.send("POST", "/api/v1/me/erasure", server.personToken(erased.code()), null, null).status()).isEqualTo(200);
            server.haven.ledger().checkpoint();
            oldVkey = server.haven.ledger().vkey();
            assertThat(verify("--vkey", oldVkey, "--state", state.toString(), server.base() + "/ledger")).isZero();
            Files.writeString(receiptBefore, receipt(server, kept));
        }

        assertThat(Main.cli().execute("ledger", "rotate-key", "--data-dir", dir.toString())).isZero();
        Path trustedFile = config.ledger().trustedKeys();
        TrustedKeys trusted = TrustedKeys.parse(Files.readString(trustedFile, StandardCharsets.UTF_8));
        assertThat(trusted.keys()).hasSize(2);
        assertThat(trusted.keys().get(0).vkey()).isEqualTo(oldVkey);
        long switchedAt = trusted.keys().get(0).until().orElseThrow();
        assertThat(trusted.keys().get(1).from()).isEqualTo(switchedAt);
        assertThat(Files.readString(config.ledger().keyFile())).doesNotContain("next");
        assertThat(config.ledger().keyFile().resolveSibling("ledger.key.next")).doesNotExist();

        Path receiptAfter = dir.resolve("after.tlog-proof");
        try (TestServer server = new TestServer(config, UnaryOperator.identity())) {
            String newVkey = server.haven.ledger().vkey();
            assertThat(newVkey).isNotEqualTo(oldVkey);
            assertThat(trusted.keys().get(1).vkey()).isEqualTo(newVkey);
            assertThat(server.haven.ledger().startupAudit().passed()).isTrue();
            assertThat(verify("--vkey", newVkey, "--state", dir.resolve("new-key-state").toString(), server.base() + "/ledger"))
                .as("the tree as it stood at the rotation is signed again with the new key at the first start").isZero();
            String shelter = server.login("shelter.worker");
            Person later = create(server, shelter);
            Person erasedLater = create(server, shelter);
            assertThat(server.send("POST", "/api/v1/me/erasure", server.personToken(erasedLater.code()), null, null).status())
                .isEqualTo(200);
            server.haven.ledger().checkpoint();
            assertThat(server.haven.ledger().size()).isGreaterThan(switchedAt);
            Files.writeString(receiptAfter, receipt(server, later));

            assertThat(verify("--vkey", oldVkey, "--state", dir.resolve("copy-of-state").toString(), server.base() + "/ledger"))
                .as("the old key alone does not open the new checkpoints").isEqualTo(1);
            assertThat(verify("--trusted-keys", trustedFile.toString(), "--state", state.toString(), server.base() + "/ledger"))
                .as("the verifier's state from before the rotation, followed with the trusted keys").isZero();
            assertThat(verify("receipt", "--trusted-keys", trustedFile.toString(), receiptBefore.toString())).isZero();
            assertThat(verify("receipt", "--trusted-keys", trustedFile.toString(), receiptAfter.toString())).isZero();
            assertThat(verify("receipt", "--vkey", oldVkey, receiptAfter.toString())).isEqualTo(1);
            assertThat(verify("receipt", "--vkey", newVkey, receiptBefore.toString())).isEqualTo(1);
        }

        // Erasure records under both keys, checkpoints under both: the whole audit holds at the next start and from the command.
        Files.deleteIfExists(config.ledger().auditedCopy());
        try (TestServer server = new TestServer(config, UnaryOperator.identity())) {
            assertThat(server.haven.ledger().startupAudit().passed()).isTrue();
            assertThat(server.haven.ledger().startupAudit().size()).isGreaterThan(switchedAt);
        }
        assertThat(Main.cli().execute("ledger", "audit", "--data-dir", dir.toString())).isZero();
    }

    private static int verify(String... args) {
        return HavenVerify.cli().execute(args);
    }

    private static Person create(TestServer server, String shelter) {
        Response r = server.send("POST", "/api/v1/persons", shelter, "shelter", "{\"displayName\":\"Key Rotation\",\"preferredLanguage\":\"ti\"}");
        assertThat(r.status()).isEqualTo(201);
        UUID id = UUID.fromString(r.body().get("id").asText());
        assertThat(server.send("POST", "/api/v1/persons/" + id + "/records", shelter, "shelter",
            "{\"category\":\"housing\",\"data\":{\"room\":\"9\"}}").status()).isEqualTo(201);
        return new Person(id, r.body().get("accessCode").asText(), r.body().get("ledgerIndex").asLong());
    }

    private static String receipt(TestServer server, Person p) {
        Response r = server.send("GET", "/api/v1/me/receipts/" + p.created(), server.personToken(p.code()), null, null);
        assertThat(r.status()).isEqualTo(200);
        return r.raw();
    }
}
