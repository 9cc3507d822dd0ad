package eu.haven.core.record;

import java.util.UUID;

/**
 * Keeps an organisation's filter by name up to date when its identity records of a person change
 * (a person taken on, an identity record added or corrected).
 */
public interface CaseloadIndex {
    /** The category whose records name the person. */
    String IDENTITY = "identity";

    void reindex(String organisation, UUID personId);

    /** For tests and tools that need no filter. */
    CaseloadIndex NONE = (organisation, personId) -> { };
}
