package eu.haven.core.staff;

/** An organisation using Haven; {@code type} is an organisation type of the framework. */
public record Organisation(String id, String name, String type) {}
