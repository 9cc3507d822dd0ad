package eu.haven.core.framework;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The W3C Data Privacy Vocabulary terms Haven knows (purposes, legal bases, personal-data
 * categories), read from the DPV 2.2 CSV exports shipped in {@code /dpv}. A term may have several
 * broader terms; "beneath" follows every one of them, transitively.
 */
public final class DpvTaxonomy {
    private static final String[] FILES = {
        "dpv-purposes.csv", "sector-law-purposes.csv", "sector-health-purposes.csv",
        "sector-publicservices-purposes.csv", "sector-education-purposes.csv",
        "legal-eu-gdpr-legal_basis.csv", "legal-eu-gdpr-legal_basis_special.csv",
        "pd-core.csv", "pd-extended.csv"};

    private static final Map<String, String> PREFIXES = Map.of(
        "dpv", "https://w3id.org/dpv#",
        "pd", "https://w3id.org/dpv/pd#",
        "sector-health", "https://w3id.org/dpv/sector/health#",
        "sector-law", "https://w3id.org/dpv/sector/law#",
        "sector-publicservices", "https://w3id.org/dpv/sector/publicservices#",
        "sector-education", "https://w3id.org/dpv/sector/education#",
        "eu-gdpr", "https://w3id.org/dpv/legal/eu/gdpr#");

    /** A term of the vocabulary: its IRI, label and direct broader terms. */
    public record Term(String iri, String label, List<String> broader) {}

    private static final class Holder {
        static final DpvTaxonomy INSTANCE = load();
    }

    private final Map<String, Term> terms;
    private final Map<String, Set<String>> ancestors = new HashMap<>();

    private DpvTaxonomy(Map<String, Term> terms) {
        this.terms = terms;
        for (String iri : terms.keySet()) {
            ancestors.put(iri, computeAncestors(iri));
        }
    }

    /** The taxonomy read from the bundled DPV 2.2 files; read once. */
    public static DpvTaxonomy bundled() {
        return Holder.INSTANCE;
    }

    private static DpvTaxonomy load() {
        CsvMapper mapper = new CsvMapper();
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        Map<String, Term> terms = new LinkedHashMap<>();
        for (String file : FILES) {
            try (InputStream in = DpvTaxonomy.class.getResourceAsStream("/dpv/" + file)) {
                if (in == null) {
                    throw new IllegalStateException("DPV file missing from the classpath: " + file);
                }
                MappingIterator<Map<String, String>> rows =
                    mapper.readerForMapOf(String.class).with(schema).readValues(in);
                while (rows.hasNext()) {
                    Map<String, String> row = rows.next();
                    String iri = row.getOrDefault("iri", "").trim();
                    if (iri.isEmpty()) {
                        continue;
                    }
                    List<String> broader = Arrays.stream(row.getOrDefault("hasbroader", "").split(";"))
                        .map(String::trim).filter(s -> !s.isEmpty()).toList();
                    terms.put(iri, new Term(iri, row.getOrDefault("label", ""), broader));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read DPV file " + file, e);
            }
        }
        return new DpvTaxonomy(Collections.unmodifiableMap(terms));
    }

    private Set<String> computeAncestors(String iri) {
        Set<String> seen = new HashSet<>();
        ArrayDeque<String> todo = new ArrayDeque<>();
        todo.add(iri);
        while (!todo.isEmpty()) {
            String current = todo.poll();
            if (!seen.add(current)) {
                continue;
            }
            Term term = terms.get(current);
            if (term != null) {
                todo.addAll(term.broader());
            }
        }
        return Collections.unmodifiableSet(seen);
    }

    public boolean contains(String iri) {
        return terms.containsKey(iri);
    }

    /** True when {@code iri} is {@code ancestor} itself or lies beneath it along any broader link. */
    public boolean isBeneath(String iri, String ancestor) {
        Set<String> up = ancestors.get(iri);
        return up != null ? up.contains(ancestor) : iri.equals(ancestor);
    }

    /** Every known term that is {@code root} or beneath it. */
    public Set<String> beneath(String root) {
        Set<String> out = new HashSet<>();
        for (Map.Entry<String, Set<String>> e : ancestors.entrySet()) {
            if (e.getValue().contains(root)) {
                out.add(e.getKey());
            }
        }
        return out;
    }

    /**
     * Expands a compact IRI such as {@code sector-law:LawEnforcement} and normalises the scheme and
     * host of {@code http://w3id.org/...} (any letter case) to {@code https://w3id.org/}. Anything else is returned trimmed.
     */
    public static String expand(String value) {
        String v = value.trim();
        String lower = v.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://w3id.org/")) {
            return "https://w3id.org/" + v.substring("http://w3id.org/".length());
        }
        if (lower.startsWith("https://w3id.org/")) {
            return "https://w3id.org/" + v.substring("https://w3id.org/".length());
        }
        int colon = v.indexOf(':');
        if (colon > 0 && !v.startsWith("https://")) {
            String base = PREFIXES.get(v.substring(0, colon));
            if (base != null) {
                return base + v.substring(colon + 1);
            }
        }
        return v;
    }
}
