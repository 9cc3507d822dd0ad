package eu.haven.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import eu.haven.core.framework.Purpose;
import eu.haven.core.policy.ConsentFacts.ConsentStatus;
import eu.haven.core.staff.Role;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class PolicyEngineProperties {

    @Property(tries = 3000)
    void no_firewall_purpose_is_ever_permitted(@ForAll long seed) {
        RandomWorld w = new RandomWorld(seed);
        Decision d = new PolicyEngine(w.framework).decide(w.request);
        if (RandomWorld.FIREWALL.blocks(w.request.purpose().iri())) {
            assertThat(d).isEqualTo(new Decision.Deny(DenyReason.FIREWALL));
        }
        if (d.permitted()) {
            assertThat(RandomWorld.FIREWALL.blocks(w.request.purpose().iri())).isFalse();
            assertThat(w.framework.organisationType(w.request.organisationType()).orElseThrow().enforcement()).isFalse();
        }
    }

    /** Actions for which an accepted referral suffices whatever its consent's state: answering the person. */
    private static boolean duty(Action a) {
        return a == Action.ANSWER_CORRECTION || a == Action.ANSWER_ERASURE || a == Action.LIST;
    }

    private static boolean ownOnly(Action a) {
        return a == Action.REQUEST_ACCESS_CODE || a == Action.ISSUE_ACCESS_CODE;
    }

    private static boolean dpoApproval(AccessRequest r) {
        return r.role() == Role.DPO && r.action() == Action.APPROVE_ACCESS_CODE;
    }

    @Property(tries = 3000)
    void no_category_is_released_without_a_grant_and_a_relationship_or_live_consent(@ForAll long seed) {
        RandomWorld w = new RandomWorld(seed);
        AccessRequest r = w.request;
        if (!(new PolicyEngine(w.framework).decide(r) instanceof Decision.Permit permit)) {
            return;
        }
        assertThat(RoleTable.permits(r.role(), r.action())).as("the role table allows it").isTrue();
        if (dpoApproval(r)) {
            assertThat(permit.anyCategories()).as("an approval shows no data").isZero();
            return;
        }
        Purpose purpose = r.purpose().purpose().orElseThrow();
        long grant = w.framework.grantMask(r.organisationType(), purpose);
        assertThat(permit.own() & ~grant).isZero();
        assertThat(permit.own() & ~r.categoriesAsked()).isZero();
        assertThat(r.role().handlesCaseData()).isTrue();
        if (r.action() != Action.CREATE_PERSON && !r.ownRelationship()) {
            assertThat(ownOnly(r.action())).as("a new access code needs a relationship of one's own").isFalse();
            boolean referralBasis = r.referrals().stream().anyMatch(ref -> ref.to().equals(r.organisation())
                && (ref.status() == ReferralFacts.Status.ACCEPTED
                    || ((r.action() == Action.RESPOND_REFERRAL || r.action() == Action.LIST) && ref.status() == ReferralFacts.Status.PENDING))
                && (duty(r.action()) || r.consents().stream().anyMatch(c -> c.id().equals(ref.consentId())
                    && c.status(w.now) == ConsentStatus.LIVE)));
            assertThat(referralBasis).isTrue();
        }
        for (Decision.Share share : permit.shared()) {
            assertThat(share.categories() & ~grant).isZero();
            boolean covered = r.consents().stream().anyMatch(c -> c.controller().equals(share.holder())
                && c.recipient().equals(r.organisation()) && c.purposes().contains(purpose.code())
                && c.status(w.now) == ConsentStatus.LIVE && (share.categories() & ~c.categories()) == 0);
            assertThat(covered).isTrue();
        }
    }

    @Property(tries = 3000)
    void withdrawal_ends_sharing_at_once_but_not_what_an_organisation_holds_itself(@ForAll long seed) {
        RandomWorld w = new RandomWorld(seed);
        PolicyEngine engine = new PolicyEngine(w.framework);
        Decision before = engine.decide(w.request);
        Decision after = engine.decide(w.withAllConsentsWithdrawn());
        if (after instanceof Decision.Permit permit) {
            assertThat(permit.shared()).isEmpty();
            boolean acceptedReferral = w.request.referrals().stream().anyMatch(ref -> ref.to().equals(w.request.organisation())
                && ref.status() != ReferralFacts.Status.DECLINED);
            assertThat(w.request.ownRelationship() || w.request.action() == Action.CREATE_PERSON || dpoApproval(w.request)
                || (duty(w.request.action()) && acceptedReferral)).isTrue();
        }
        if (before instanceof Decision.Permit was && w.request.ownRelationship()) {
            assertThat(after).as("own records stay open after a withdrawal").isInstanceOf(Decision.Permit.class);
            assertThat(((Decision.Permit) after).own()).isEqualTo(was.own());
        }
    }

    @Property(tries = 3000)
    void one_purpose_only_and_any_firewalled_one_among_several_is_a_firewall_refusal(@ForAll long seed) {
        RandomWorld w = new RandomWorld(seed);
        Decision d = new PolicyEngine(w.framework).decide(w.request);
        var problem = w.request.purpose().problem();
        if (problem.isPresent()) {
            assertThat(d.permitted()).isFalse();
            DenyReason expected = w.request.purpose().firewall() ? DenyReason.FIREWALL
                : problem.get() == eu.haven.core.framework.RequestedPurpose.Problem.MULTIPLE ? DenyReason.MULTIPLE_PURPOSES
                : DenyReason.UNKNOWN_PURPOSE;
            assertThat(d).isEqualTo(new Decision.Deny(expected));
        }
    }

    @Property(tries = 3000)
    void roles_outside_the_table_never_get_anything(@ForAll long seed) {
        RandomWorld w = new RandomWorld(seed);
        Decision d = new PolicyEngine(w.framework).decide(w.request);
        if (!RoleTable.permits(w.request.role(), w.request.action())) {
            assertThat(d.permitted()).isFalse();
        }
        if (RoleTable.staffNever(w.request.action())) {
            assertThat(d.permitted()).as("a person's or the system's action").isFalse();
        }
    }
}
