package eu.haven.web.page.staff;

/** A staff account as the administrator's list shows it. */
public record StaffAccount(String username, String organisation, String role, boolean disabled) {}
