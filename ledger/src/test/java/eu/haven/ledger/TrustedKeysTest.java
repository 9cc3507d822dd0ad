package eu.haven.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A log's keys by tree size: each key opens checkpoints of its window only. */
class TrustedKeysTest {
    private static final String ORIGIN = "haven.example/ledger";

    private static NoteSigner signer(String name) {
        KeyPair kp = NoteSigner.generate();
        return NoteSigner.fromPkcs8(name, kp.getPrivate().getEncoded(), kp.getPublic().getEncoded());
    }

    private static String checkpoint(NoteSigner by, long size) {
        return by.sign(new Checkpoint(ORIGIN, size, new byte[32], List.of()).body());
    }

    @Test
    void after_a_rotation_each_key_opens_only_the_sizes_it_signed() {
        NoteSigner old = signer(ORIGIN);
        NoteSigner next = signer(ORIGIN);
        TrustedKeys before = TrustedKeys.only(old.vkey());
        assertThat(before.open(checkpoint(old, 5000)).size()).isEqualTo(5000);

        TrustedKeys after = TrustedKeys.parse(before.rotated(next.vkey(), 100).text());
        assertThat(after.keys()).hasSize(2);
        assertThat(after.open(checkpoint(old, 99)).size()).isEqualTo(99);
        assertThat(after.open(checkpoint(old, 100)).size()).isEqualTo(100);
        assertThat(after.open(checkpoint(next, 100)).size()).isEqualTo(100);
        assertThat(after.open(checkpoint(next, 101)).size()).isEqualTo(101);
        assertThatThrownBy(() -> after.open(checkpoint(old, 101))).as("the retired key cannot sign the log's future")
            .isInstanceOf(VerificationException.class);
        assertThatThrownBy(() -> after.open(checkpoint(next, 99))).as("nor the new key its past")
            .isInstanceOf(VerificationException.class);
        assertThat(after.signs(old.vkey(), 100)).isTrue();
        assertThat(after.signs(old.vkey(), 101)).isFalse();

        // A second rotation closes the second key's window too.
        NoteSigner third = signer(ORIGIN);
        TrustedKeys twice = after.rotated(third.vkey(), 500);
        assertThat(twice.open(checkpoint(next, 500)).size()).isEqualTo(500);
        assertThatThrownBy(() -> twice.open(checkpoint(next, 501))).isInstanceOf(VerificationException.class);
        assertThat(twice.open(checkpoint(old, 50)).size()).isEqualTo(50);
    }

    @Test
    void a_file_that_names_two_logs_or_words_it_does_not_know_is_refused() {
        NoteSigner a = signer(ORIGIN);
        NoteSigner other = signer("other.example/ledger");
        assertThatThrownBy(() -> TrustedKeys.parse(a.vkey() + "\n" + other.vkey() + "\n")).isInstanceOf(VerificationException.class)
            .hasMessageContaining("two logs");
        assertThatThrownBy(() -> TrustedKeys.parse(a.vkey() + " since=4\n")).isInstanceOf(VerificationException.class);
        assertThatThrownBy(() -> TrustedKeys.parse(a.vkey() + " from=9 until=3\n")).isInstanceOf(VerificationException.class);
        assertThatThrownBy(() -> TrustedKeys.parse("# nothing\n")).isInstanceOf(VerificationException.class);
        assertThatThrownBy(() -> TrustedKeys.only(a.vkey()).open(checkpoint(other, 3))).isInstanceOf(VerificationException.class);
    }
}
