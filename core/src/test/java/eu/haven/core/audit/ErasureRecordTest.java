package eu.haven.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.haven.event.AccessEvent;
import eu.haven.event.EventCommitment;
import eu.haven.ledger.NoteSigner;
import eu.haven.ledger.NoteVerifier;
import eu.haven.ledger.VerificationException;
import java.security.KeyPair;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class ErasureRecordTest {
    private static final String ORIGIN = "haven.test/access";
    private final NoteSigner signer = signer();
    private final NoteVerifier key = NoteVerifier.fromVkey(signer.vkey());

    private static NoteSigner signer() {
        KeyPair kp = NoteSigner.generate();
        return new NoteSigner(ORIGIN, kp.getPrivate(), NoteSigner.rawPublic(kp.getPublic()));
    }

    @Test
    void consecutiveIndicesAreListedAsRanges() {
        AccessEvent record = ErasureRecord.covering(List.of(1L, 2L, 3L, 5L, 7L, 8L), signer, Instant.now()).get(0);
        assertThat(NoteVerifier.text(record.erasure().orElseThrow())).endsWith("\nblanks 1-3,5,7-8\n");
        assertThat(ErasureRecord.open(record, 9, key)).containsExactly(new ErasureRecord.Range(1, 3), new ErasureRecord.Range(5, 5),
            new ErasureRecord.Range(7, 8));
        assertThat(record.personId()).isEmpty();
        assertThat(EventCommitment.parseOpening(EventCommitment.opening(EventCommitment.newSalt(eu.haven.core.crypto.Randomness::fill), record)).event()).isEqualTo(record);
    }

    @Test
    void manyScatteredIndicesAreSplitOverSeveralRecords() {
        List<Long> every2nd = LongStream.range(0, 5_000).map(i -> i * 2).boxed().toList();
        List<AccessEvent> records = ErasureRecord.covering(every2nd, signer, Instant.now());
        assertThat(records).hasSize(3);
        List<Long> covered = records.stream().flatMap(r -> ErasureRecord.open(r, 10_000, key).stream()).map(ErasureRecord.Range::first).toList();
        assertThat(covered).isEqualTo(every2nd);
        assertThat(records).allSatisfy(r -> assertThat(r.erasure().orElseThrow().length()).isLessThan(100_000));
    }

    @Test
    void aRecordCannotCoverItselfOrLaterEvents() {
        AccessEvent record = ErasureRecord.covering(List.of(4L, 5L), signer, Instant.now()).get(0);
        assertThatThrownBy(() -> ErasureRecord.open(record, 5, key)).isInstanceOf(VerificationException.class).hasMessageContaining("past the record");
        assertThat(ErasureRecord.open(record, 6, key)).hasSize(1);
    }

    @Test
    void aNoteSignedByAnotherKeyEditedOrMovedToAnotherRecordIsRefused() {
        AccessEvent forged = ErasureRecord.covering(List.of(4L), signer(), Instant.now()).get(0);
        assertThatThrownBy(() -> ErasureRecord.open(forged, 10, key)).isInstanceOf(VerificationException.class);

        AccessEvent genuine = ErasureRecord.covering(List.of(4L), signer, Instant.now()).get(0);
        AccessEvent edited = with(genuine, genuine.erasure().map(n -> n.replace("blanks 4", "blanks 3")));
        assertThatThrownBy(() -> ErasureRecord.open(edited, 10, key)).isInstanceOf(VerificationException.class);

        AccessEvent moved = new AccessEvent(java.util.UUID.randomUUID(), genuine.at(), genuine.actorUser(), genuine.organisation(),
            genuine.role(), genuine.action(), genuine.purpose(), genuine.personId(), genuine.categories(), true, Optional.empty(),
            Optional.empty(), genuine.erasure());
        assertThatThrownBy(() -> ErasureRecord.open(moved, 10, key)).isInstanceOf(VerificationException.class)
            .hasMessageContaining("for this record");

        AccessEvent naming = new AccessEvent(genuine.id(), genuine.at(), genuine.actorUser(), genuine.organisation(), genuine.role(),
            genuine.action(), genuine.purpose(), Optional.of(java.util.UUID.randomUUID()), genuine.categories(), true, Optional.empty(),
            Optional.empty(), genuine.erasure());
        assertThatThrownBy(() -> ErasureRecord.open(naming, 10, key)).isInstanceOf(VerificationException.class);
    }

    @Test
    void theAuditTallyFindsTheFirstUncoveredBlank() {
        Blanks blanks = new Blanks();
        for (long b : new long[] {1, 2, 3, 9, 12}) {
            blanks.blank(b);
        }
        blanks.cover(List.of(new ErasureRecord.Range(1, 1), new ErasureRecord.Range(9, 9)));
        blanks.cover(List.of(new ErasureRecord.Range(0, 3)));
        assertThat(blanks.firstUncovered()).contains(12L);
        blanks.cover(List.of(new ErasureRecord.Range(10, 12)));
        assertThat(blanks.firstUncovered()).isEmpty();
    }

    private static AccessEvent with(AccessEvent e, Optional<String> erasure) {
        return new AccessEvent(e.id(), e.at(), e.actorUser(), e.organisation(), e.role(), e.action(), e.purpose(), e.personId(),
            e.categories(), e.permitted(), e.reason(), e.target(), erasure);
    }
}
