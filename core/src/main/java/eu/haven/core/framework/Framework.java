package eu.haven.core.framework;

import com.fasterxml.jackson.databind.JsonNode;
import eu.haven.core.error.ErrorCode;
import eu.haven.core.error.HavenException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The published data-sharing framework, validated and indexed: which organisation types may
 * process which categories for which purposes. Built only by {@link FrameworkLoader} (or, in
 * tests, {@link #of}), never changed afterwards.
 */
public final class Framework {
    private final String id;
    private final String version;
    private final Map<String, OrganisationType> organisationTypes;
    private final List<Purpose> purposes;
    private final Map<String, Purpose> purposesByCode;
    private final Map<String, Purpose> purposesByIri;
    private final List<Category> categories;
    private final Map<String, Category> categoriesByCode;
    private final List<Grant> grants;
    private final Map<String, long[]> grantMasks;
    private final long allCategories;
    private final JsonNode document;

    Framework(String id, String version, Map<String, OrganisationType> organisationTypes,
              List<Purpose> purposes, List<Category> categories, List<Grant> grants, JsonNode document) {
        this.id = id;
        this.version = version;
        this.organisationTypes = Map.copyOf(organisationTypes);
        this.purposes = List.copyOf(purposes);
        this.categories = List.copyOf(categories);
        this.grants = List.copyOf(grants);
        this.document = document;
        this.purposesByCode = indexBy(purposes, Purpose::code);
        this.purposesByIri = indexBy(purposes, Purpose::iri);
        this.categoriesByCode = indexBy(categories, Category::code);
        long all = 0;
        for (Category c : categories) {
            all |= c.mask();
        }
        this.allCategories = all;
        java.util.HashMap<String, long[]> masks = new java.util.HashMap<>();
        for (String type : organisationTypes.keySet()) {
            masks.put(type, new long[purposes.size()]);
        }
        for (Grant g : grants) {
            long[] perPurpose = masks.get(g.organisationType());
            long mask = maskOf(g.categories());
            for (String p : g.purposes()) {
                perPurpose[purposesByCode.get(p).index()] |= mask;
            }
        }
        this.grantMasks = Map.copyOf(masks);
    }

    /** Builds a framework from parts, validating it exactly as a loaded file would be. */
    public static Framework of(String id, String version, List<OrganisationType> types,
                               List<Purpose> purposes, List<Category> categories, List<Grant> grants,
                               Firewall firewall) {
        return FrameworkLoader.validate(id, version, types, purposes, categories, grants, firewall, null);
    }

    private static <T> Map<String, T> indexBy(List<T> items, java.util.function.Function<T, String> key) {
        java.util.HashMap<String, T> map = new java.util.HashMap<>();
        for (T item : items) {
            map.put(key.apply(item), item);
        }
        return Map.copyOf(map);
    }

    public String id() {
        return id;
    }

    public String version() {
        return version;
    }

    public Optional<OrganisationType> organisationType(String code) {
        return Optional.ofNullable(organisationTypes.get(code));
    }

    public Collection<OrganisationType> organisationTypes() {
        return organisationTypes.values();
    }

    public List<Purpose> purposes() {
        return purposes;
    }

    public Optional<Purpose> purposeByCode(String code) {
        return Optional.ofNullable(purposesByCode.get(code.toLowerCase(Locale.ROOT)));
    }

    public Optional<Purpose> purposeByIri(String iri) {
        return Optional.ofNullable(purposesByIri.get(iri));
    }

    public List<Category> categories() {
        return categories;
    }

    public Optional<Category> category(String code) {
        return Optional.ofNullable(categoriesByCode.get(code));
    }

    public List<Grant> grants() {
        return grants;
    }

    /** The published document as read (YAML or JSON tree), for serving as it was written. */
    public Optional<JsonNode> document() {
        return Optional.ofNullable(document);
    }

    public long allCategories() {
        return allCategories;
    }

    /** Categories organisations of {@code type} may process for {@code purpose}, as a mask. */
    public long grantMask(String type, Purpose purpose) {
        long[] perPurpose = grantMasks.get(type);
        if (perPurpose == null || purpose.index() < 0 || purpose.index() >= perPurpose.length) {
            return 0L;
        }
        return perPurpose[purpose.index()];
    }

    /** The mask for category codes; an unknown code is a client error naming it. */
    public long maskOf(Collection<String> codes) {
        long mask = 0;
        for (String code : codes) {
            Category c = categoriesByCode.get(code);
            if (c == null) {
                throw new HavenException(ErrorCode.UNKNOWN_CATEGORY,
                    "Unknown data category '" + safe(code) + "'. The framework names: " + categoryCodes(allCategories) + ".");
            }
            mask |= c.mask();
        }
        return mask;
    }

    public Set<String> categoryCodes(long mask) {
        Set<String> out = new LinkedHashSet<>();
        for (Category c : categories) {
            if ((mask & c.mask()) != 0) {
                out.add(c.code());
            }
        }
        return out;
    }

    public List<String> purposeCodes() {
        List<String> out = new ArrayList<>();
        purposes.forEach(p -> out.add(p.code()));
        return out;
    }

    /** Shortens and strips a client-supplied code before it goes into a message. */
    static String safe(String code) {
        String s = code.replaceAll("[^A-Za-z0-9._:/#-]", "?");
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }
}
