package eu.haven.web.page.staff;

/** An open alert as the officer's page lists it: the rule, when, which organisation, which member of staff; never a person. */
public record AlertRow(String id, String kind, String explanation, String at, String organisation, String staff) {}
