package eu.haven.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The witness and its cosignatures (c2sp.org/tlog-witness, c2sp.org/tlog-cosignature): the signed
 * message byte for byte as the specification's example gives it, growth cosigned, a fork refused and
 * kept as evidence, every error answer of the protocol, and a policy of "k of these witnesses".
 */
class WitnessTest {
    private static final String ORIGIN = "haven.example-city.eu/access";
    private final KeyPair logKeys = NoteSigner.generate();
    private final NoteSigner log = new NoteSigner(ORIGIN, logKeys.getPrivate(), NoteSigner.rawPublic(logKeys.getPublic()));

    private static Cosigner cosigner(String name) {
        KeyPair k = NoteSigner.generate();
        return new Cosigner(name, k.getPrivate(), NoteSigner.rawPublic(k.getPublic()));
    }

    /** What a witness keeps, in memory. */
    static final class Memory implements Witness.State {
        final Map<String, String> latest = new HashMap<>();
        final List<String> evidence = new ArrayList<>();

        @Override
        public Optional<Checkpoint> latest(String origin) {
            return Optional.ofNullable(latest.get(origin)).map(n -> Checkpoint.parse(NoteVerifier.text(n)));
        }

        @Override
        public void save(String origin, String signedCheckpoint) {
            latest.put(origin, signedCheckpoint);
        }

        @Override
        public void evidence(String origin, String request, String why) {
            evidence.add(why + "\n" + request);
        }
    }

    private String checkpoint(List<byte[]> leaves, int size) {
        return log.sign(new Checkpoint(ORIGIN, size, MerkleTestTrees.root(leaves, 0, size)).body());
    }

    private static String request(long old, List<byte[]> proof, String note) {
        StringBuilder b = new StringBuilder("old ").append(old).append('\n');
        proof.forEach(p -> b.append(Base64.getEncoder().encodeToString(p)).append('\n'));
        return b.append('\n').append(note).toString();
    }

    @Test
    void the_signed_message_is_the_specifications() {
        String body = "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";
        assertThat(Cosigner.message(body, 1679315147))
            .isEqualTo("cosignature/v1\ntime 1679315147\nexample.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n");
        Cosigner w = cosigner("witness.example.com/w1");
        String line = w.cosign(body, 1679315147);
        byte[] blob = Base64.getDecoder().decode(line.split(" ")[2].strip());
        assertThat(blob).hasSize(4 + 8 + 64);
        assertThat(java.nio.ByteBuffer.wrap(blob, 4, 8).getLong()).as("the timestamp, big-endian after the key ID").isEqualTo(1679315147L);
        assertThat(java.util.Arrays.copyOf(blob, 4)).isEqualTo(java.util.Arrays.copyOf(
            sha256(concat("witness.example.com/w1\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), new byte[] {0x04},
                java.util.Arrays.copyOfRange(Base64.getDecoder().decode(w.vkey().split("\\+", 3)[2]), 1, 33))), 4));
        assertThat(line).startsWith("\u2014 witness.example.com/w1 ").endsWith("\n");
        assertThat(CosignatureVerifier.fromVkey(w.vkey()).verify(body + "\n" + line)).contains(1679315147L);
        String tampered = body.replace("20852163", "20852164");
        assertThatThrownBy(() -> CosignatureVerifier.fromVkey(w.vkey()).verify(tampered + "\n" + line)).isInstanceOf(VerificationException.class);
    }

    @Test
    void a_witness_cosigns_a_growing_log_and_refuses_a_second_history_keeping_evidence() {
        List<byte[]> leaves = MerkleTestTrees.leaves(40);
        Cosigner key = cosigner("dpa.example/witness");
        Memory state = new Memory();
        Witness witness = new Witness(key, Map.of(ORIGIN, NoteVerifier.fromVkey(log.vkey())), state,
            Clock.fixed(Instant.parse("2026-11-29T12:00:00Z"), ZoneOffset.UTC));
        HashReader reader = MerkleTestTrees.reader(leaves);

        Witness.Answer first = witness.addCheckpoint(request(0, List.of(), checkpoint(leaves, 10)));
        assertThat(first.status()).isEqualTo(200);
        assertThat(CosignatureVerifier.fromVkey(key.vkey()).verify(checkpoint(leaves, 10) + first.body())).isPresent();
        Witness.Answer grown = witness.addCheckpoint(request(10, Merkle.consistencyProof(10, 25, reader), checkpoint(leaves, 25)));
        assertThat(grown.status()).isEqualTo(200);

        Witness.Answer stale = witness.addCheckpoint(request(10, Merkle.consistencyProof(10, 30, reader), checkpoint(leaves, 30)));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.contentType()).isEqualTo("text/x.tlog.size");
        assertThat(stale.body()).isEqualTo("25\n");

        // A second history from an earlier size: the same first 20 entries, then others.
        List<byte[]> fork = new ArrayList<>(leaves.subList(0, 20));
        for (int i = 0; i < 20; i++) {
            fork.add(Hashes.leaf(("other history " + i).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        Witness.Answer forked = witness.addCheckpoint(request(25, Merkle.consistencyProof(25, 35, MerkleTestTrees.reader(fork)),
            checkpoint(fork, 35)));
        assertThat(forked.status()).isEqualTo(422);
        Witness.Answer sameSizeOtherRoot = witness.addCheckpoint(request(25, List.of(), checkpoint(fork, 25)));
        assertThat(sameSizeOtherRoot.status()).isEqualTo(409);
        assertThat(state.evidence).hasSize(2).allSatisfy(e -> assertThat(e).contains(ORIGIN).contains("\u2014 " + ORIGIN));
        assertThat(state.latest(ORIGIN).orElseThrow().size()).as("the fork changed nothing").isEqualTo(25);
        assertThat(witness.addCheckpoint(request(25, Merkle.consistencyProof(25, 40, reader), checkpoint(leaves, 40))).status()).isEqualTo(200);
    }

    @Test
    void every_error_of_the_protocol() {
        List<byte[]> leaves = MerkleTestTrees.leaves(8);
        Memory state = new Memory();
        Witness witness = new Witness(cosigner("w.example"), Map.of(ORIGIN, NoteVerifier.fromVkey(log.vkey())), state, Clock.systemUTC());
        KeyPair other = NoteSigner.generate();
        NoteSigner impostor = new NoteSigner(ORIGIN, other.getPrivate(), NoteSigner.rawPublic(other.getPublic()));
        NoteSigner unknown = new NoteSigner("elsewhere.example/log", other.getPrivate(), NoteSigner.rawPublic(other.getPublic()));
        String body = new Checkpoint(ORIGIN, 8, MerkleTestTrees.root(leaves, 0, 8)).body();
        assertThat(witness.addCheckpoint(request(0, List.of(), impostor.sign(body))).status()).as("not the log's key").isEqualTo(403);
        assertThat(witness.addCheckpoint(request(0, List.of(), unknown.sign(body.replace(ORIGIN, "elsewhere.example/log")))).status())
            .as("a log it does not follow").isEqualTo(404);
        assertThat(witness.addCheckpoint(request(9, List.of(), log.sign(body))).status()).as("old larger than new").isEqualTo(400);
        assertThat(witness.addCheckpoint("old 0\n" + log.sign(body)).status()).as("no empty line").isEqualTo(400);
        assertThat(witness.addCheckpoint(request(0, List.of(new byte[32]), log.sign(body))).status()).as("a proof from 0").isEqualTo(422);
        assertThat(witness.addCheckpoint("old 0\nnot base64!\n\n" + log.sign(body)).status()).isEqualTo(400);
        assertThat(state.latest).isEmpty();
    }

    @Test
    void a_policy_of_two_of_these_witnesses() {
        String body = new Checkpoint(ORIGIN, 3, MerkleTestTrees.root(MerkleTestTrees.leaves(3), 0, 3)).body();
        Cosigner a = cosigner("a.example/w");
        Cosigner b = cosigner("b.example/w");
        Cosigner c = cosigner("c.example/w");
        List<CosignatureVerifier> policy = List.of(CosignatureVerifier.fromVkey(a.vkey()), CosignatureVerifier.fromVkey(b.vkey()));
        String one = log.sign(body) + a.cosign(body, 100);
        String two = one + b.cosign(body, 101);
        String wrong = one + c.cosign(body, 102);
        assertThat(CosignatureVerifier.quorum(two, policy, 2)).isTrue();
        assertThat(CosignatureVerifier.quorum(one, policy, 2)).as("one missing").isFalse();
        assertThat(CosignatureVerifier.quorum(wrong, policy, 2)).as("a witness not in the policy counts for nothing").isFalse();
        assertThat(NoteVerifier.fromVkey(log.vkey()).open(two)).as("the log's own signature still verifies").isEqualTo(body);
        assertThatThrownBy(() -> CosignatureVerifier.fromVkey(log.vkey())).as("a log key is not a cosigner key").isInstanceOf(VerificationException.class);
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static byte[] sha256(byte[] data) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(data);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
