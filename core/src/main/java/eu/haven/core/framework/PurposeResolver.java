package eu.haven.core.framework;

import eu.haven.core.error.ErrorCode;
import eu.haven.core.error.HavenException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns the declared purpose (a short code, an IRI or a compact IRI) into a
 * {@link RequestedPurpose}. Exactly one purpose may be declared: several values (repeated headers,
 * a comma list) are refused, as {@code firewall} when any of them is firewalled. An unrecognised
 * term is not rejected here: it comes back marked, so that the access guard records the attempt.
 */
public final class PurposeResolver {
    private static final int MAX_LENGTH = 300;
    private final Framework framework;
    private final Firewall firewall;
    private final DpvTaxonomy dpv;
    /** The framework's own purposes by code, resolved once: what nearly every request declares. */
    private final java.util.Map<String, RequestedPurpose> byCode;

    public PurposeResolver(Framework framework, Firewall firewall, DpvTaxonomy dpv) {
        this.framework = framework;
        this.firewall = firewall;
        this.dpv = dpv;
        java.util.Map<String, RequestedPurpose> codes = new java.util.HashMap<>();
        for (Purpose p : framework.purposes()) {
            codes.put(p.code().toLowerCase(Locale.ROOT),
                new RequestedPurpose(p.code(), p.iri(), Optional.of(p), p.firewall() || firewall.blocks(p.iri())));
        }
        this.byCode = java.util.Map.copyOf(codes);
    }

    /** One declared value (or none). */
    public RequestedPurpose resolve(Optional<String> declared) {
        return resolve(declared.map(List::of).orElse(List.of()));
    }

    /** Every value declared: each header, each part of a comma list. */
    public RequestedPurpose resolve(List<String> declared) {
        List<String> values = new ArrayList<>();
        for (String header : declared) {
            for (String part : header.split(",", -1)) {
                if (!part.isBlank()) {
                    values.add(part.trim());
                }
            }
        }
        if (values.isEmpty()) {
            throw new HavenException(ErrorCode.PURPOSE_REQUIRED,
                "Every request that touches personal data declares its purpose in the Purpose header.");
        }
        if (values.size() == 1) {
            return one(values.get(0));
        }
        boolean blocked = values.stream().map(this::one).anyMatch(RequestedPurpose::firewall);
        return RequestedPurpose.refused(String.join(", ", values), blocked, RequestedPurpose.Problem.MULTIPLE);
    }

    private RequestedPurpose one(String raw) {
        if (raw.length() > MAX_LENGTH) {
            return RequestedPurpose.refused(raw, false, RequestedPurpose.Problem.UNKNOWN);
        }
        if (raw.indexOf(':') < 0) {
            RequestedPurpose known = byCode.get(raw.toLowerCase(Locale.ROOT));
            return known != null ? known : RequestedPurpose.refused(raw, false, RequestedPurpose.Problem.UNKNOWN);
        }
        String iri = DpvTaxonomy.expand(raw);
        Optional<Purpose> named = framework.purposeByIri(iri);
        boolean blocked = firewall.blocks(iri) || named.map(Purpose::firewall).orElse(false);
        if (blocked) {
            return new RequestedPurpose(iri, iri, named, true);
        }
        if (named.isPresent() || dpv.contains(iri)) {
            return new RequestedPurpose(iri, iri, named, false);
        }
        return RequestedPurpose.refused(raw, false, RequestedPurpose.Problem.UNKNOWN);
    }
}
