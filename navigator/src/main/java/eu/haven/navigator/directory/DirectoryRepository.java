package eu.haven.navigator.directory;

import java.util.List;

/** Where the directory is kept. It shares nothing with the case data: no table, no key, no person. */
public interface DirectoryRepository {
    Directory load();

    /** Replaces the whole directory in one transaction: all of it, or nothing when anything fails. */
    void replaceAll(Directory directory, List<Metadata> changes);

    /** Stores one changed resource with the record of its change, in one transaction. */
    void put(ResourceType type, String id, Object resource, List<Metadata> changes);

    /**
     * A number that grows with every change stored (every change writes its record), so that a server sharing the
     * database with others can tell that one of them changed the directory.
     */
    default long version() {
        return 0;
    }

    /** The recorded changes to one resource, newest first. */
    List<Metadata> history(String resourceId);
}
