package eu.haven.core.person;

/** A new access code for an existing person, shown once; {@code language} is for the printed receipt. */
public record IssuedCode(String accessCode, String language, long eventIndex) {}
