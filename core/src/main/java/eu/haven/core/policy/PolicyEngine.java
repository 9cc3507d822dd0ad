package eu.haven.core.policy;

import eu.haven.core.framework.Framework;
import eu.haven.core.framework.OrganisationType;
import eu.haven.core.framework.Purpose;
import eu.haven.core.policy.ConsentFacts.ConsentStatus;
import eu.haven.core.policy.Decision.Deny;
import eu.haven.core.policy.Decision.Permit;
import eu.haven.core.policy.Decision.Share;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides every access to a person's data. A pure function of its request and the framework:
 * no I/O, no clock, no state. Default deny; the firewall is checked before anything else.
 *
 * <ol>
 *   <li>A purpose in the firewall set, or an organisation of an enforcement type: {@code firewall}.</li>
 *   <li>A purpose the framework does not name, or grants nothing for to this organisation type:
 *       {@code purpose-not-allowed}.</li>
 *   <li>A role that does not handle case data: {@code role}.</li>
 *   <li>No relationship: neither the organisation took the person on, nor did it accept a referral
 *       ({@code no-relationship}); a referral whose consent is no longer live gives the consent's state.</li>
 *   <li>None of the categories asked is granted: {@code category-not-allowed}.</li>
 *   <li>Permit: the organisation's own records in the granted categories; another organisation's
 *       records only in categories a live consent from that organisation to this one covers.</li>
 * </ol>
 */
public final class PolicyEngine {
    private static final Deny FIREWALL = new Deny(DenyReason.FIREWALL);
    private static final Deny PURPOSE_NOT_ALLOWED = new Deny(DenyReason.PURPOSE_NOT_ALLOWED);
    private static final Deny ROLE = new Deny(DenyReason.ROLE);
    private static final Deny NO_RELATIONSHIP = new Deny(DenyReason.NO_RELATIONSHIP);
    private static final Deny NO_CONSENT = new Deny(DenyReason.NO_CONSENT);
    private static final Deny CONSENT_WITHDRAWN = new Deny(DenyReason.CONSENT_WITHDRAWN);
    private static final Deny CONSENT_EXPIRED = new Deny(DenyReason.CONSENT_EXPIRED);
    private static final Deny CATEGORY_NOT_ALLOWED = new Deny(DenyReason.CATEGORY_NOT_ALLOWED);

    private final Framework framework;

    public PolicyEngine(Framework framework) {
        this.framework = framework;
    }

    public Framework framework() {
        return framework;
    }

    public Decision decide(AccessRequest r) {
        if (r.purpose().firewall()) {
            return FIREWALL;
        }
        Optional<OrganisationType> type = framework.organisationType(r.organisationType());
        if (type.isEmpty() || type.get().enforcement()) {
            return FIREWALL;
        }
        if (r.purpose().purpose().isEmpty()) {
            return PURPOSE_NOT_ALLOWED;
        }
        Purpose purpose = r.purpose().purpose().get();
        if (purpose.firewall()) {
            return FIREWALL;
        }
        if (!r.role().handlesCaseData() || !r.action().staff()) {
            return ROLE;
        }
        long grant = framework.grantMask(r.organisationType(), purpose);
        if (grant == 0) {
            return PURPOSE_NOT_ALLOWED;
        }
        if (r.action() != Action.CREATE_PERSON && !r.ownRelationship()) {
            Deny basis = referralBasis(r);
            if (basis != null) {
                return basis;
            }
        }
        long allowed = r.categoriesAsked() & grant;
        if (allowed == 0) {
            return CATEGORY_NOT_ALLOWED;
        }
        if (r.action() != Action.READ) {
            return new Permit(allowed, List.of());
        }
        return new Permit(allowed, shares(r, purpose, allowed));
    }

    /** Null when an accepted referral backed by a live consent gives a relationship. */
    private static Deny referralBasis(AccessRequest r) {
        boolean anyReferral = false;
        boolean withdrawn = false;
        boolean expired = false;
        for (ReferralFacts ref : r.referrals()) {
            if (!ref.to().equals(r.organisation())) {
                continue;
            }
            boolean usable = ref.status() == ReferralFacts.Status.ACCEPTED
                || (r.action() == Action.RESPOND_REFERRAL && ref.status() == ReferralFacts.Status.PENDING);
            if (!usable) {
                continue;
            }
            anyReferral = true;
            for (ConsentFacts c : r.consents()) {
                if (!c.id().equals(ref.consentId())) {
                    continue;
                }
                ConsentStatus status = c.status(r.now());
                if (status == ConsentStatus.LIVE) {
                    return null;
                }
                withdrawn |= status == ConsentStatus.WITHDRAWN;
                expired |= status == ConsentStatus.EXPIRED;
            }
        }
        if (!anyReferral) {
            return NO_RELATIONSHIP;
        }
        return withdrawn ? CONSENT_WITHDRAWN : expired ? CONSENT_EXPIRED : NO_CONSENT;
    }

    private static List<Share> shares(AccessRequest r, Purpose purpose, long allowed) {
        List<Share> out = null;
        for (ConsentFacts c : r.consents()) {
            if (!c.recipient().equals(r.organisation()) || c.controller().equals(r.organisation())
                || !c.purposes().contains(purpose.code()) || c.status(r.now()) != ConsentStatus.LIVE) {
                continue;
            }
            long mask = c.categories() & allowed;
            if (mask != 0) {
                if (out == null) {
                    out = new ArrayList<>(4);
                }
                out.add(new Share(c.controller(), mask));
            }
        }
        return out == null ? List.of() : out;
    }
}
