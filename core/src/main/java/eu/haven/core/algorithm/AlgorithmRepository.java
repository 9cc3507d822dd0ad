package eu.haven.core.algorithm;

import java.util.List;

/** The register's entries as edited: every version kept, with its date and author. */
public interface AlgorithmRepository {
    /** Keeps a new version of the entry (its {@code changedAt} and {@code changedBy} set). */
    void save(AlgorithmEntry entry);

    /** The latest version of each entry edited here. */
    List<AlgorithmEntry> latest();

    /** Every version of one entry, newest first. */
    List<AlgorithmEntry> history(String id);
}
