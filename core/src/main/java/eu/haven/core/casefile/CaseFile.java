package eu.haven.core.casefile;

import eu.haven.core.consent.Consent;
import eu.haven.core.record.RecordView;
import java.util.List;

/** What a member of staff sees of a person: the records released to them, and the consents that concern their organisation. */
public record CaseFile(List<RecordView> records, List<Consent> consents) {}
