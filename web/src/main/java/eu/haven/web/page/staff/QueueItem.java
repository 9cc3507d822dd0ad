package eu.haven.web.page.staff;

/** One line of a queue: what it is, when it came and, for a new access code, whether this member of staff asked for it; never a name. */
public record QueueItem(String id, String kind, String received, String detail, boolean mine) {}
