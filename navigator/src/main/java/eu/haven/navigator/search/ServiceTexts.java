package eu.haven.navigator.search;

import eu.haven.navigator.directory.Directory;
import eu.haven.navigator.directory.RequiredDocument;
import eu.haven.navigator.directory.Service;
import eu.haven.navigator.directory.TaxonomyTerm;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The searchable text of a service in each language it has one: its names, description, documents and categories. */
final class ServiceTexts {
    private ServiceTexts() {
    }

    static Map<String, String> of(Service s, Directory d) {
        Map<String, StringBuilder> out = new LinkedHashMap<>();
        var t = s.translations();
        add(out, t.all("name", s.name()));
        add(out, t.all("alternate_name", s.alternateName()));
        add(out, t.all("description", s.description()));
        add(out, t.all("eligibility_description", s.eligibilityDescription()));
        for (RequiredDocument doc : s.requiredDocuments()) {
            add(out, doc.translations().all("document", doc.document()));
        }
        for (String termId : s.taxonomyTermIds()) {
            Optional<TaxonomyTerm> term = d.term(termId);
            term.ifPresent(tt -> add(out, tt.translations().all("name", tt.name())));
        }
        Map<String, String> texts = new LinkedHashMap<>();
        out.forEach((lang, sb) -> texts.put(lang, sb.toString()));
        return texts;
    }

    private static void add(Map<String, StringBuilder> out, Map<String, String> texts) {
        texts.forEach((lang, text) -> out.computeIfAbsent(lang, l -> new StringBuilder()).append(text).append('\n'));
    }
}
