package eu.haven.web.page.staff;

import eu.haven.core.consent.Consent;
import eu.haven.core.framework.Framework;
import eu.haven.core.person.PersonService;
import eu.haven.core.record.RecordView;
import eu.haven.core.staff.Actor;
import eu.haven.core.staff.Organisation;
import eu.haven.web.i18n.Labels;
import eu.haven.web.page.PageText;
import eu.haven.web.page.me.Fields;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a person's page shows a member of staff: only what the access guard released, labelled in the page's language. */
public record PersonView(String name, String language, List<Group> groups, List<ConsentRow> consents) {

    public record Group(String category, String label, List<Item> records) {}

    public record Item(String id, String organisation, boolean own, String added, List<Fields.Field> fields) {}

    public record ConsentRow(String id, String controller, String recipient, String purposes, String categories, String state,
                             boolean live, boolean ours) {}

    static PersonView of(List<RecordView> records, List<Consent> consents, Map<String, Organisation> orgs, Actor actor, Labels labels,
                         PageText t, Framework framework, Instant now) {
        String name = "";
        String language = "";
        Map<String, List<Item>> byCategory = new LinkedHashMap<>();
        framework.categories().forEach(c -> byCategory.put(c.code(), new ArrayList<>()));
        for (RecordView r : records) {
            List<Fields.Field> fields = Fields.of(r.data());
            if (r.category().equals(PersonService.IDENTITY) && name.isEmpty()) {
                for (Fields.Field f : fields) {
                    if (f.name().equals("displayName")) {
                        name = f.value();
                    } else if (f.name().equals("preferredLanguage")) {
                        language = f.value();
                    }
                }
            }
            byCategory.computeIfAbsent(r.category(), k -> new ArrayList<>()).add(new Item(r.id().toString(),
                CasePages.name(orgs, r.organisation()), r.organisation().equals(actor.organisation()), t.date(r.createdAt()), fields));
        }
        List<Group> groups = new ArrayList<>();
        byCategory.forEach((code, items) -> {
            if (!items.isEmpty()) {
                groups.add(new Group(code, labels.category(t.lang(), code), items));
            }
        });
        List<ConsentRow> rows = consents.stream().map(c -> {
            String status = c.status(now).name();
            boolean live = status.equals("LIVE") || status.equals("NOT_YET");
            String state = c.withdrawnAt().isPresent() ? "withdrawn" : live ? "given" : "expired";
            return new ConsentRow(c.id().toString(), CasePages.name(orgs, c.controller()), CasePages.name(orgs, c.recipient()),
                String.join(", ", c.purposes().stream().map(p -> labels.purpose(t.lang(), p)).toList()),
                String.join(", ", c.categories().stream().map(k -> labels.category(t.lang(), k)).toList()),
                labels.status(t.lang(), "consent", state), live, c.controller().equals(actor.organisation()));
        }).toList();
        return new PersonView(name, language, groups, rows);
    }
}
