package eu.haven.navigator.search;

/** Why a service matched, said to the reader beside the result. */
public enum Reason {
    /** Words of its text in the reader's language. */
    OWN_LANGUAGE,
    /** Words of its text in another language. */
    OTHER_LANGUAGE,
    /** An official or everyday term that means what the service does, in any language ("Aufenthaltstitel"). */
    TERM,
    /** The same name in another script ("Kyiv" for "Київ"). */
    OTHER_SCRIPT,
    /** A word spelled a little differently. */
    CLOSE_SPELLING,
    /** Its category. */
    CATEGORY
}
