package eu.haven.web.page.staff;

/** A referral waiting, as the inbox shows it: no name, only where it comes from, why, what it covers and when it came. */
public record WaitingReferral(String id, String from, String purpose, String categories, String received) {}
