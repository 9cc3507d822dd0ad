package eu.haven.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import eu.haven.core.framework.Purpose;
import eu.haven.core.policy.ConsentFacts.ConsentStatus;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class PolicyEngineProperties {

    @Property(tries = 2000)
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

    @Property(tries = 2000)
    void no_category_is_released_without_a_grant_and_a_relationship_or_live_consent(@ForAll long seed) {
        RandomWorld w = new RandomWorld(seed);
        AccessRequest r = w.request;
        if (!(new PolicyEngine(w.framework).decide(r) instanceof Decision.Permit permit)) {
            return;
        }
        Purpose purpose = r.purpose().purpose().orElseThrow();
        long grant = w.framework.grantMask(r.organisationType(), purpose);
        assertThat(permit.own() & ~grant).isZero();
        assertThat(permit.own() & ~r.categoriesAsked()).isZero();
        assertThat(r.role().handlesCaseData()).isTrue();
        if (r.action() != Action.CREATE_PERSON) {
            boolean referralBasis = r.referrals().stream().anyMatch(ref -> ref.to().equals(r.organisation())
                && (ref.status() == ReferralFacts.Status.ACCEPTED
                    || (r.action() == Action.RESPOND_REFERRAL && ref.status() == ReferralFacts.Status.PENDING))
                && r.consents().stream().anyMatch(c -> c.id().equals(ref.consentId()) && c.status(w.now) == ConsentStatus.LIVE));
            assertThat(r.ownRelationship() || referralBasis).isTrue();
        }
        for (Decision.Share share : permit.shared()) {
            assertThat(share.categories() & ~grant).isZero();
            boolean covered = r.consents().stream().anyMatch(c -> c.controller().equals(share.holder())
                && c.recipient().equals(r.organisation()) && c.purposes().contains(purpose.code())
                && c.status(w.now) == ConsentStatus.LIVE && (share.categories() & ~c.categories()) == 0);
            assertThat(covered).isTrue();
        }
    }

    @Property(tries = 2000)
    void withdrawal_removes_shared_access_at_once(@ForAll long seed) {
        RandomWorld w = new RandomWorld(seed);
        Decision after = new PolicyEngine(w.framework).decide(w.withAllConsentsWithdrawn());
        if (after instanceof Decision.Permit permit) {
            assertThat(permit.shared()).isEmpty();
            assertThat(w.request.ownRelationship() || w.request.action() == Action.CREATE_PERSON).isTrue();
        }
    }
}
