package eu.haven.web.person;

/** What the printed access-code receipt shows, every text already in the person's language. */
public record ReceiptView(String lang, String dir, String title, String intro, String code, int qrSize, String qrPath,
                          String qrLabel, String where, String keep, String lost, String issued, String css) {}
