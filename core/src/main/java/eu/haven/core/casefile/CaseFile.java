package eu.haven.core.casefile;

import eu.haven.core.consent.Consent;
import eu.haven.core.record.RecordView;
import java.util.List;

/**
 * What a member of staff sees of a person: the records released to them, the consents that
 * concern their organisation, and the newest accesses of the person's history as the person sees it.
 */
public record CaseFile(List<RecordView> records, List<Consent> consents, List<eu.haven.core.audit.LoggedEvent> recentAccesses) {}
