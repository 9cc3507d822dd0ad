package eu.haven.web.authority;

import java.util.List;

/** The refusal letter's texts, all in the requester's language, for {@code jte/letter/RefusalLetter.jte}. */
public record LetterView(String lang, String title, String from, String date, String toLabel, String to, String subject,
                         List<String> paragraphs, String signature, String css) {}
