package eu.haven.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class NoteTest {
    // The signed-note example of golang.org/x/mod/sumdb/note: an independent implementation's output.
    private static final String GO_VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    private static final String GO_SKEY_SEED = "AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    private static final String GO_TEXT = "If you think cryptography is the answer to your problem,\n"
        + "then you don't know what your problem is.\n";
    private static final String GO_NOTE = GO_TEXT + "\n\u2014 PeterNeumann "
        + "x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

    @Test
    void reproducesTheGoReferenceNoteByteForByte() {
        byte[] seed = Arrays.copyOfRange(Base64.getDecoder().decode(GO_SKEY_SEED), 1, 33);
        byte[] pub = Arrays.copyOfRange(Base64.getDecoder().decode(GO_VKEY.substring(GO_VKEY.lastIndexOf('+') + 1)), 1, 33);
        NoteSigner signer = NoteSigner.fromSeed("PeterNeumann", seed, pub);
        assertThat(signer.vkey()).isEqualTo(GO_VKEY);
        assertThat(signer.sign(GO_TEXT)).isEqualTo(GO_NOTE);
        assertThat(NoteVerifier.fromVkey(GO_VKEY).open(GO_NOTE)).isEqualTo(GO_TEXT);
    }

    @Test
    void refusesAlteredNotesAndIgnoresUnknownSigners() {
        NoteVerifier v = NoteVerifier.fromVkey(GO_VKEY);
        assertThatThrownBy(() -> v.open(GO_NOTE.replace("cryptography", "cryptographY"))).isInstanceOf(VerificationException.class);
        KeyPair other = NoteSigner.generate();
        NoteSigner witness = new NoteSigner("witness.example", other.getPrivate(), NoteSigner.rawPublic(other.getPublic()));
        String cosigned = GO_NOTE + witness.sign(GO_TEXT).substring(GO_TEXT.length() + 1);
        assertThat(v.open(cosigned)).isEqualTo(GO_TEXT);
        String onlyWitness = witness.sign(GO_TEXT);
        assertThatThrownBy(() -> v.open(onlyWitness)).hasMessageContaining("no signature by PeterNeumann");
    }

    @Test
    void refusesManglingsOfTheVerifierKey() {
        assertThatThrownBy(() -> NoteVerifier.fromVkey(GO_VKEY.replace("c74f20a3", "c74f20a4"))).isInstanceOf(VerificationException.class);
        assertThatThrownBy(() -> NoteVerifier.fromVkey("PeterNeumann+c74f20a3")).isInstanceOf(VerificationException.class);
        assertThatThrownBy(() -> NoteVerifier.fromVkey("Peter+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"))
            .isInstanceOf(VerificationException.class);
    }

    @Test
    void checkpointsRoundTripAndAreBoundToTheirOrigin() {
        KeyPair kp = NoteSigner.generate();
        NoteSigner signer = new NoteSigner("haven.example-city.eu/access", kp.getPrivate(), NoteSigner.rawPublic(kp.getPublic()));
        Checkpoint c = new Checkpoint("haven.example-city.eu/access", 42, Hashes.sha256("x".getBytes()));
        String note = signer.sign(c.body());
        NoteVerifier v = NoteVerifier.fromVkey(signer.vkey());
        Checkpoint opened = Checkpoint.open(note, v);
        assertThat(opened.size()).isEqualTo(42);
        assertThat(opened.root()).isEqualTo(c.root());
        assertThat(c.body()).matches("haven\\.example-city\\.eu/access\n42\n[A-Za-z0-9+/=]{44}\n");
        NoteSigner impostor = new NoteSigner("other.example/log", kp.getPrivate(), NoteSigner.rawPublic(kp.getPublic()));
        String foreign = impostor.sign(new Checkpoint("haven.example-city.eu/access", 42, c.root()).body());
        assertThatThrownBy(() -> Checkpoint.open(foreign, v)).isInstanceOf(VerificationException.class);
        assertThatThrownBy(() -> Checkpoint.parse("a\n1\nroot\nextension\n")).isInstanceOf(VerificationException.class);
    }

    @Test
    void checkpointsOfOtherLogsMayCarryExtensionLines() {
        KeyPair kp = NoteSigner.generate();
        NoteSigner signer = new NoteSigner("witnessed.example/log", kp.getPrivate(), NoteSigner.rawPublic(kp.getPublic()));
        byte[] root = Hashes.sha256("y".getBytes());
        String body = new Checkpoint("witnessed.example/log", 7, root).body() + "timestamp 1700000000\nrekor: abc\n";
        Checkpoint opened = Checkpoint.open(signer.sign(body), NoteVerifier.fromVkey(signer.vkey()));
        assertThat(opened.size()).isEqualTo(7);
        assertThat(opened.extensions()).containsExactly("timestamp 1700000000", "rekor: abc");
        assertThat(opened.body()).isEqualTo(body);
        String three = new Checkpoint("witnessed.example/log", 7, root).body();
        assertThatThrownBy(() -> Checkpoint.parse(three + "ext")).as("no final newline").isInstanceOf(VerificationException.class);
        assertThatThrownBy(() -> Checkpoint.parse(three + "\nafter empty\n")).isInstanceOf(VerificationException.class);
        assertThatThrownBy(() -> Checkpoint.parse("witnessed.example/log\n7\n")).isInstanceOf(VerificationException.class);
        assertThatThrownBy(() -> new Checkpoint("witnessed.example/log", 7, root, java.util.List.of(""))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tilePathsFollowTheTlogTilesLayout() {
        assertThat(TilePath.hashes(0, 1_234_067, 256)).isEqualTo("tile/0/x001/x234/067");
        assertThat(TilePath.entries(5, 7)).isEqualTo("tile/entries/005.p/7");
        assertThat(TilePath.parse("tile/2/x001/x234/067.p/255")).contains(new TilePath(false, 2, 1_234_067, 255));
        assertThat(TilePath.parse("tile/entries/000")).contains(new TilePath(true, -1, 0, 256));
        for (String bad : new String[] {"tile/0/1", "tile/0/0001", "tile/0/x000/001", "tile/0/001.p/0", "tile/0/001.p/256",
            "tile/64/000", "tile/0/001.p/07", "tile/0/../001", "tile/0/x1/000", "tile/entries/001/"}) {
            assertThat(TilePath.parse(bad)).as(bad).isEmpty();
        }
    }

    @Test
    void receiptsRoundTripAndVerify() {
        TiledTreeProperties.Built b = TiledTreeProperties.build(1000, 100);
        KeyPair kp = NoteSigner.generate();
        NoteSigner signer = new NoteSigner("log.example", kp.getPrivate(), NoteSigner.rawPublic(kp.getPublic()));
        String cp = signer.sign(new Checkpoint("log.example", 1000, b.edge().root()).body());
        TlogProof p = new TlogProof(java.util.Optional.of("opening".getBytes()), 500,
            Merkle.inclusionProof(500, 1000, b.reader()), cp);
        TlogProof parsed = TlogProof.parse(p.format());
        assertThat(parsed.index()).isEqualTo(500);
        assertThat(parsed.extra()).hasValueSatisfying(e -> assertThat(e).isEqualTo("opening".getBytes()));
        assertThat(parsed.checkpoint()).isEqualTo(cp);
        NoteVerifier v = NoteVerifier.fromVkey(signer.vkey());
        assertThat(parsed.verify(MerkleTestTrees.entry(500), v).size()).isEqualTo(1000);
        assertThatThrownBy(() -> parsed.verify(MerkleTestTrees.entry(501), v)).isInstanceOf(VerificationException.class);
    }
}
