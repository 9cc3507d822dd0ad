package eu.haven.core.code;

import java.time.Instant;
import java.util.Optional;

/** A request for a new access code as the person sees it: who asked, who approved, when. */
public record CodeRequestView(Instant requestedAt, String organisation, String requestedBy, CodeRequest.Status status,
                              Optional<Instant> approvedAt, Optional<String> approverOrganisation,
                              Optional<String> approvedBy, Optional<Instant> issuedAt) {}
