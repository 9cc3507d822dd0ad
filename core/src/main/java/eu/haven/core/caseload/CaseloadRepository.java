package eu.haven.core.caseload;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The caseload's rows and its index of keyed name hashes; no name is ever stored here. */
public interface CaseloadRepository {
    /** Replaces the organisation's name hashes for the person. */
    void index(String organisation, UUID personId, Set<String> termHashes);

    /**
     * The organisation's people newest first (by when it took them on), from {@code offset}, at most
     * {@code limit}; with hashes, only people whose index holds every one of them.
     */
    Rows page(String organisation, List<String> requiredHashes, int offset, int limit);

    /** The people the organisation took on whose names are not indexed yet (installations from before the index), at most {@code limit}. */
    List<UUID> unindexed(String organisation, int limit);

    /** The organisations with people in their caseload. */
    List<String> organisations();

    record Row(UUID personId, Instant since, Instant lastActivity) {}

    record Rows(List<Row> rows, int total) {}
}
