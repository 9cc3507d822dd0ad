package eu.haven.core.referral;

import java.util.List;
import java.util.UUID;

/** A referral as the referring caseworker enters it. */
public record NewReferral(UUID personId, String to, String purpose, List<String> categories, UUID consentId) {}
