package eu.haven.core.record;

import java.util.List;
import java.util.UUID;

public interface RecordRepository {
    void insert(CaseRecord record);

    List<CaseRecord> forPerson(UUID personId);
}
