package eu.haven.web.page.staff;

/** An access event as the supervisory authority's page lists it: pseudonyms, never a name. */
public record InspectionRow(String at, String organisation, String role, String action, String purpose, String outcome, boolean permitted,
                            String categories, String staff, String person) {}
