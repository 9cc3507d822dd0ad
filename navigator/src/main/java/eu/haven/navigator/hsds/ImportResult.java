package eu.haven.navigator.hsds;

import eu.haven.navigator.directory.Directory;
import java.util.List;

/** What an import read: the directory it makes, or the rows that stop it. Nothing is kept unless {@code badRows} is empty. */
public record ImportResult(Directory directory, List<BadRow> badRows, List<String> skippedFiles) {
    public ImportResult {
        badRows = List.copyOf(badRows);
        skippedFiles = List.copyOf(skippedFiles);
    }

    public boolean ok() {
        return badRows.isEmpty();
    }
}
