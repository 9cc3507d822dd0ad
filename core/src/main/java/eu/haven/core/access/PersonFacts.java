package eu.haven.core.access;

import eu.haven.core.policy.ReferralFacts;
import java.util.List;
import java.util.Set;

/**
 * What an access decision needs to know of a person: their consents, the referrals about them and
 * the organisations that have a relationship of their own with them: that took the person on, or
 * that hold records of their own about them (written under their own purpose, so that a withdrawn
 * consent ends the sharing, not the organisation's access to what it holds itself).
 */
public record PersonFacts(List<ConsentTerms> consents, List<ReferralFacts> referrals, Set<String> organisations) {
    public PersonFacts {
        consents = List.copyOf(consents);
        referrals = List.copyOf(referrals);
        organisations = Set.copyOf(organisations);
    }
}
