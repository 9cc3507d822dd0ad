package eu.haven.core.authority;

import java.util.Set;

/** What the data protection officer types when a request arrives: as given, checked by {@link AuthorityRequestService#register}. */
public record NewAuthorityRequest(String body, String bodyType, String legalReference, String purpose, Set<String> categories,
                                  String letterLanguage) {}
