package eu.haven.web.page.staff;

/** A request in the register of authority requests, as its list shows it. */
public record AuthorityRow(String href, String received, String body, String bodyType, String purpose, String status, boolean refused) {}
