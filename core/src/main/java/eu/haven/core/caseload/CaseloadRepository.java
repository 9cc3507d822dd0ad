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
     * Adds the organisation's name hashes for a person it has none for yet ({@link #unindexed}): nothing to
     * replace, so nothing is looked up first, which matters when a whole installation is indexed at once.
     */
    default void indexFirst(String organisation, UUID personId, Set<String> termHashes) {
        index(organisation, personId, termHashes);
    }

    /**
     * The organisation's people newest first (by when it took them on, or accepted their referral), from
     * {@code offset}, at most {@code limit}; with hashes, only people whose index holds every one of them. Its
     * people are those it has a relationship with, and those referred to it whose referral it accepted under a
     * consent that is live at {@code now}, names {@code purpose} and covers {@code identity} (their name).
     */
    Rows page(String organisation, String purpose, String identity, List<String> requiredHashes, Instant now, int offset, int limit);

    /**
     * The people the organisation took on, or accepted by referral, whose names are not indexed yet (installations
     * from before the index, or from before referred people were listed), at most {@code limit}.
     */
    List<UUID> unindexed(String organisation, int limit);

    /** The organisations with people in their caseload (by a relationship or an accepted referral). */
    List<String> organisations();

    record Row(UUID personId, Instant since, Instant lastActivity) {}

    record Rows(List<Row> rows, int total) {}
}
