package eu.haven.core.framework;

/** A kind of organisation named by the framework. Enforcement types can never receive data. */
public record OrganisationType(String code, String label, boolean enforcement) {}
