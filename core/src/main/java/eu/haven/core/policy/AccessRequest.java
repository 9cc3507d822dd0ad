package eu.haven.core.policy;

import eu.haven.core.framework.RequestedPurpose;
import eu.haven.core.staff.Role;
import java.time.Instant;
import java.util.List;

/**
 * Everything one decision looks at. {@code categoriesAsked} is a mask over the framework's
 * categories; {@code ownRelationship} is true when the organisation itself took the person on.
 */
public record AccessRequest(String organisation, String organisationType, Role role, Action action,
                            RequestedPurpose purpose, boolean ownRelationship, long categoriesAsked,
                            List<ConsentFacts> consents, List<ReferralFacts> referrals, Instant now) {}
