package eu.haven.core.framework;

import eu.haven.core.error.ErrorCode;
import eu.haven.core.error.HavenException;
import java.util.Locale;
import java.util.Optional;

/** Turns a {@code Purpose} header (short code, IRI or compact IRI) into a {@link RequestedPurpose}. */
public final class PurposeResolver {
    private static final int MAX_LENGTH = 300;
    private final Framework framework;
    private final Firewall firewall;
    private final DpvTaxonomy dpv;

    public PurposeResolver(Framework framework, Firewall firewall, DpvTaxonomy dpv) {
        this.framework = framework;
        this.firewall = firewall;
        this.dpv = dpv;
    }

    public RequestedPurpose resolve(Optional<String> header) {
        String raw = header.map(String::trim).orElse("");
        if (raw.isEmpty()) {
            throw new HavenException(ErrorCode.PURPOSE_REQUIRED,
                "Every request that touches personal data declares its purpose in the Purpose header.");
        }
        if (raw.length() > MAX_LENGTH) {
            throw unknown();
        }
        if (raw.indexOf(':') < 0) {
            Purpose p = framework.purposeByCode(raw.toLowerCase(Locale.ROOT)).orElseThrow(this::unknown);
            return new RequestedPurpose(p.code(), p.iri(), Optional.of(p), p.firewall() || firewall.blocks(p.iri()));
        }
        String iri = DpvTaxonomy.expand(raw);
        Optional<Purpose> named = framework.purposeByIri(iri);
        boolean blocked = firewall.blocks(iri) || named.map(Purpose::firewall).orElse(false);
        if (blocked || named.isPresent() || dpv.contains(iri)) {
            return new RequestedPurpose(iri, iri, named, blocked);
        }
        throw unknown();
    }

    private HavenException unknown() {
        return new HavenException(ErrorCode.UNKNOWN_PURPOSE,
            "Unknown purpose. Use a short code of the framework (" + String.join(", ", framework.purposeCodes())
                + ") or a DPV purpose IRI.");
    }
}
