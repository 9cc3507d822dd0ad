package eu.haven.web.i18n;

import com.fasterxml.jackson.databind.JsonNode;
import eu.haven.core.access.Recorder;
import eu.haven.core.framework.Framework;
import eu.haven.core.framework.Purpose;
import java.util.Map;
import java.util.Optional;

/**
 * Names of purposes, categories, roles, actions and reasons in a person's language: purposes and
 * categories from the framework's {@code labels}, the rest from {@link Messages}.
 */
public final class Labels {
    private final Framework framework;
    private final Messages messages;
    /** "purposes/<code>" or "categories/<code>" to labels by language, read once from the framework document. */
    private final Map<String, Map<String, String>> translated;

    public Labels(Framework framework, Messages messages) {
        this.framework = framework;
        this.messages = messages;
        Map<String, Map<String, String>> all = new java.util.HashMap<>();
        framework.document().ifPresent(doc -> {
            for (String list : java.util.List.of("purposes", "categories")) {
                for (JsonNode n : doc.path(list)) {
                    Map<String, String> byLanguage = new java.util.HashMap<>();
                    n.path("labels").properties().forEach(e -> byLanguage.put(e.getKey(), e.getValue().asText("")));
                    all.put(list + "/" + n.path("code").asText(), Map.copyOf(byLanguage));
                }
            }
        });
        this.translated = Map.copyOf(all);
    }

    public eu.haven.core.framework.Framework framework() {
        return framework;
    }

    public Messages messages() {
        return messages;
    }

    /** A recorded purpose (framework code or DPV IRI). */
    public String purpose(String lang, String recorded) {
        if (Recorder.RIGHTS.equals(recorded)) {
            return messages.text(lang, "purpose.rights");
        }
        if (Recorder.RECORD_MANAGEMENT.equals(recorded)) {
            return messages.text(lang, "purpose.records");
        }
        Optional<Purpose> purpose = framework.purposeByCode(recorded).or(() -> framework.purposeByIri(recorded));
        if (purpose.isEmpty()) {
            int cut = Math.max(recorded.lastIndexOf('#'), recorded.lastIndexOf(':'));
            return recorded.substring(cut + 1);
        }
        return frameworkLabel("purposes", purpose.get().code(), lang).orElse(purpose.get().label());
    }

    public String category(String lang, String code) {
        return frameworkLabel("categories", code, lang)
            .orElseGet(() -> framework.category(code).map(c -> c.label()).orElse(code));
    }

    public String role(String lang, String code) {
        return remembered("role", lang, code);
    }

    public String action(String lang, String code) {
        return remembered("action", lang, code);
    }

    public String reason(String lang, String code) {
        return remembered("reason", lang, code);
    }

    public String status(String lang, String kind, String code) {
        return key(lang, "status." + kind + "." + code, code);
    }

    /** "A request for immigration enforcement was refused." */
    public String refused(String lang, String recordedPurpose, boolean firewall) {
        String purpose = purpose(lang, recordedPurpose);
        boolean named = framework.purposeByCode(recordedPurpose).or(() -> framework.purposeByIri(recordedPurpose)).isPresent();
        if (firewall && !named) {
            purpose = messages.text(lang, "purpose.enforcement");
        }
        return messages.format(lang, "summary.refused", Map.of("purpose", purpose));
    }

    private String key(String lang, String key, String fallback) {
        return messages.has(lang, key) ? messages.text(lang, key) : fallback;
    }

    /**
     * A role's, action's or reason's name, remembered by kind, language and code: a timeline page names twenty events'
     * roles and actions, each once a message lookup through the language's fallbacks. Only the bundles' languages are
     * remembered, and at most 512 codes of a kind in each (the codes are the application's own, a few dozen).
     */
    private String remembered(String kind, String lang, String code) {
        if (!messages.languages().contains(lang)) {
            return key(lang, kind + "." + code, code);
        }
        Map<String, String> byCode = named.get(kind).computeIfAbsent(lang, l -> new java.util.concurrent.ConcurrentHashMap<>());
        String known = byCode.get(code);
        if (known == null) {
            known = key(lang, kind + "." + code, code);
            if (byCode.size() < 512) {
                byCode.put(code, known);
            }
        }
        return known;
    }

    /** Kind, then language, then code. */
    private final Map<String, Map<String, Map<String, String>>> named = Map.of("role", new java.util.concurrent.ConcurrentHashMap<>(),
        "action", new java.util.concurrent.ConcurrentHashMap<>(), "reason", new java.util.concurrent.ConcurrentHashMap<>());

    private Optional<String> frameworkLabel(String list, String code, String lang) {
        Map<String, String> labels = translated.getOrDefault(list + "/" + code, Map.of());
        String text = labels.getOrDefault(lang, labels.getOrDefault("en", ""));
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }
}
