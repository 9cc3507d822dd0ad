package eu.haven.navigator.hsds;

/** One row an import refused: the file, the row (1 is a CSV file's first data row, or a JSON file's first object) and why. */
public record BadRow(String file, int row, String reason) {
    @Override
    public String toString() {
        return file + " row " + row + ": " + reason;
    }
}
