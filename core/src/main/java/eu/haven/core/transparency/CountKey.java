package eu.haven.core.transparency;

/**
 * One cell of the transparency report's counts: a month ({@code 2026-11}), a measure, and up to two
 * dimensions (a purpose, a category, an outcome, an organisation type); never a person.
 */
public record CountKey(String month, String measure, String dim1, String dim2) {
    public static CountKey of(String month, Measure measure, String dim1, String dim2) {
        return new CountKey(month, measure.code(), dim1, dim2);
    }
}
