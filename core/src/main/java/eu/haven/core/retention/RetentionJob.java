package eu.haven.core.retention;

import eu.haven.core.access.Recorder;
import eu.haven.core.erasure.ErasureService;
import eu.haven.core.framework.Framework;
import eu.haven.core.framework.Purpose;
import eu.haven.core.person.PersonRepository;
import eu.haven.core.policy.Action;
import eu.haven.core.record.RecordRepository;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends records whose purpose's retention period (from the framework, counted from the record's
 * creation) has passed, each recorded in the ledger; then erases every person with nothing left.
 * Records kept for a purpose without a retention period are not touched.
 */
public final class RetentionJob {
    private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);
    private static final int BATCH = 500;

    private final Framework framework;
    private final RecordRepository records;
    private final PersonRepository persons;
    private final ErasureService erasure;
    private final Recorder recorder;

    public RetentionJob(Framework framework, RecordRepository records, PersonRepository persons, ErasureService erasure,
                        Recorder recorder) {
        this.framework = framework;
        this.records = records;
        this.persons = persons;
        this.erasure = erasure;
        this.recorder = recorder;
    }

    /** What one run did. */
    public record Result(int recordsEnded, int personsErased) {}

    public Result run() {
        return run(recorder.clock().instant());
    }

    public Result run(Instant now) {
        int ended = 0;
        for (Purpose purpose : framework.purposes()) {
            if (purpose.retention().isEmpty()) {
                continue;
            }
            Instant cutoff = now.atZone(ZoneOffset.UTC).minus(purpose.retention().get().period()).toInstant();
            List<RecordRepository.Expired> batch;
            do {
                batch = records.createdBefore(purpose.code(), cutoff, BATCH);
                for (RecordRepository.Expired r : batch) {
                    recorder.bySystem(r.personId(), Action.END_RETENTION, Recorder.RECORD_MANAGEMENT, Set.of(r.category()),
                        Optional.of(r.id()));
                    if (records.delete(r.id())) {
                        ended++;
                    }
                }
            } while (batch.size() == BATCH);
        }
        int erased = 0;
        List<UUID> empty;
        do {
            empty = persons.withoutRecords(BATCH);
            for (UUID personId : empty) {
                erasure.eraseNow(personId);
                erased++;
            }
        } while (empty.size() == BATCH);
        if (ended > 0 || erased > 0) {
            LOG.info("Retention: {} records ended, {} people with nothing left erased", ended, erased);
        }
        return new Result(ended, erased);
    }
}
