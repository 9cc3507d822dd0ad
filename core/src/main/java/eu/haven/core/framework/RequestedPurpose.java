package eu.haven.core.framework;

import java.util.Optional;

/**
 * The purpose a request declared, resolved against the framework and the firewall.
 * {@code purpose} is empty when the term is a known DPV purpose the framework does not name.
 * {@code problem} is set when the declaration cannot be honoured (an unknown term, more than one
 * purpose): the access guard records such an attempt as refused, with {@code declared} as given.
 */
public record RequestedPurpose(String declared, String iri, Optional<Purpose> purpose, boolean firewall,
                               Optional<Problem> problem) {
    /** The longest declared text kept in the ledger for a refused declaration. */
    public static final int RECORDED_LENGTH = 120;

    public enum Problem { UNKNOWN, MULTIPLE }

    public RequestedPurpose(String declared, String iri, Optional<Purpose> purpose, boolean firewall) {
        this(declared, iri, purpose, firewall, Optional.empty());
    }

    /** A declaration that is refused whatever else holds; recorded as given. */
    static RequestedPurpose refused(String declared, boolean firewall, Problem problem) {
        return new RequestedPurpose(declared, declared, Optional.empty(), firewall, Optional.of(problem));
    }

    /** What is written to the access log: the framework code where there is one, else the IRI or the text as given. */
    public String recorded() {
        if (problem.isPresent()) {
            return clean(declared);
        }
        return purpose.map(Purpose::code).orElse(iri);
    }

    /** The declared text, with control characters replaced and cut to {@link #RECORDED_LENGTH}. */
    static String clean(String text) {
        StringBuilder sb = new StringBuilder(Math.min(text.length(), RECORDED_LENGTH));
        text.codePoints().limit(RECORDED_LENGTH).forEach(c -> sb.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return sb.toString();
    }
}
