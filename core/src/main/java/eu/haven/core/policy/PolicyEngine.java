package eu.haven.core.policy;

import eu.haven.core.framework.Firewall;
import eu.haven.core.framework.Framework;
import eu.haven.core.framework.OrganisationType;
import eu.haven.core.framework.Purpose;
import eu.haven.core.framework.RequestedPurpose;
import eu.haven.core.policy.ConsentFacts.ConsentStatus;
import eu.haven.core.policy.Decision.Deny;
import eu.haven.core.policy.Decision.Permit;
import eu.haven.core.policy.Decision.Share;
import eu.haven.core.staff.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides every access to a person's data. A pure function of its request and the framework:
 * no I/O, no clock, no state. Default deny; the firewall is checked before anything else.
 *
 * <ol>
 *   <li>A purpose in the firewall set (checked against the firewall itself, whatever the framework
 *       says), or an organisation of an enforcement type or of a type the framework does not name:
 *       {@code firewall}.</li>
 *   <li>A declaration that names an unknown purpose or more than one: {@code unknown-purpose},
 *       {@code multiple-purposes} (after the firewall: several purposes of which one is firewalled
 *       are a firewall refusal).</li>
 *   <li>The data protection officer approving a new access code: permitted with no categories
 *       (the approval shows no data).</li>
 *   <li>A purpose the framework does not name: {@code purpose-not-allowed}.</li>
 *   <li>An action the role may not take ({@link RoleTable}): {@code role}.</li>
 *   <li>A purpose the framework grants nothing for to this organisation type: {@code purpose-not-allowed}.</li>
 *   <li>No relationship ({@code no-relationship}, answered like an unknown person). The
 *       organisation's own relationship (it took the person on, or holds records of its own) always
 *       counts; asking for and collecting a new access code need it. Otherwise an accepted referral
 *       whose consent is live (a pending one for answering the referral); a referral whose consent
 *       is no longer live gives the consent's state. Answering the person (corrections, erasure)
 *       and listing one's queues need only the accepted referral: withdrawal ends the sharing, not
 *       the duty to answer.</li>
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
    private static final Deny UNKNOWN = new Deny(DenyReason.UNKNOWN_PURPOSE);
    private static final Deny MULTIPLE = new Deny(DenyReason.MULTIPLE_PURPOSES);
    private static final Permit NOTHING = new Permit(0, List.of());

    private final Framework framework;
    private final Firewall firewall;

    public PolicyEngine(Framework framework) {
        this.framework = framework;
        this.firewall = Firewall.bundled();
    }

    public Framework framework() {
        return framework;
    }

    public Decision decide(AccessRequest r) {
        if (r.purpose().firewall() || firewall.blocksCanonical(r.purpose().iri())) {
            return FIREWALL;
        }
        if (r.purpose().problem().isPresent()) {
            return r.purpose().problem().get() == RequestedPurpose.Problem.MULTIPLE ? MULTIPLE : UNKNOWN;
        }
        Optional<OrganisationType> type = framework.organisationType(r.organisationType());
        if (type.isEmpty() || type.get().enforcement()) {
            return FIREWALL;
        }
        if (r.role() == Role.DPO && r.action() == Action.APPROVE_ACCESS_CODE) {
            return NOTHING;
        }
        if (r.purpose().purpose().isEmpty()) {
            return PURPOSE_NOT_ALLOWED;
        }
        Purpose purpose = r.purpose().purpose().get();
        if (purpose.firewall() || firewall.blocksCanonical(purpose.iri())) {
            return FIREWALL;
        }
        if (!RoleTable.permits(r.role(), r.action())) {
            return ROLE;
        }
        long grant = framework.grantMask(r.organisationType(), purpose);
        if (grant == 0) {
            return PURPOSE_NOT_ALLOWED;
        }
        if (r.action() != Action.CREATE_PERSON && !r.ownRelationship()) {
            Deny basis = ownOnly(r.action()) ? NO_RELATIONSHIP : referralBasis(r);
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

    /** Actions only an organisation with a relationship of its own may take. */
    private static boolean ownOnly(Action action) {
        return action == Action.REQUEST_ACCESS_CODE || action == Action.ISSUE_ACCESS_CODE;
    }

    /** Actions that answer the person, or list what waits for an answer: an accepted referral is enough. */
    private static boolean duty(Action action) {
        return action == Action.ANSWER_CORRECTION || action == Action.ANSWER_ERASURE || action == Action.LIST;
    }

    /** Null when a referral gives a relationship for this action. */
    private static Deny referralBasis(AccessRequest r) {
        boolean anyReferral = false;
        boolean withdrawn = false;
        boolean expired = false;
        for (ReferralFacts ref : r.referrals()) {
            if (!ref.to().equals(r.organisation())) {
                continue;
            }
            boolean pendingCounts = r.action() == Action.RESPOND_REFERRAL || r.action() == Action.LIST;
            boolean usable = ref.status() == ReferralFacts.Status.ACCEPTED
                || (pendingCounts && ref.status() == ReferralFacts.Status.PENDING);
            if (!usable) {
                continue;
            }
            if (duty(r.action())) {
                return null;
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
