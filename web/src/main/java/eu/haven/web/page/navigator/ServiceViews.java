package eu.haven.web.page.navigator;

import eu.haven.navigator.directory.Address;
import eu.haven.navigator.directory.Directory;
import eu.haven.navigator.directory.Location;
import eu.haven.navigator.directory.Schedule;
import eu.haven.navigator.directory.Service;
import eu.haven.navigator.search.OpeningHours;
import eu.haven.navigator.search.Reason;
import eu.haven.navigator.search.SearchHit;
import eu.haven.web.page.PageText;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Turns the directory's services into what the pages show, in the reader's language. */
final class ServiceViews {
    private static final List<String> ICAL_DAYS = List.of("SU", "MO", "TU", "WE", "TH", "FR", "SA");

    private ServiceViews() {
    }

    static ServiceView of(SearchHit hit, Directory d, PageText t, ZonedDateTime now) {
        return of(hit.service(), d, t, hit.open(), hit.kilometres(), hit.reasons());
    }

    static ServiceView of(Service s, Directory d, PageText t, ZonedDateTime now) {
        return of(s, d, t, OpeningHours.at(s, now), Optional.empty(), Set.of());
    }

    private static ServiceView of(Service s, Directory d, PageText t, OpeningHours.State open, Optional<Double> km, Set<Reason> reasons) {
        String lang = t.lang();
        var tr = s.translations();
        Optional<String> organization = Optional.ofNullable(s.organizationId()).flatMap(d::organization)
            .map(o -> o.translations().of(lang, "name", o.name()));
        List<String> hours = s.schedules().stream().map(x -> hours(x, t)).flatMap(Optional::stream).toList();
        List<Location> locations = d.locationsOf(s.id());
        List<String> address = locations.stream().flatMap(l -> l.addresses().stream()).findFirst().map(ServiceViews::lines).orElse(List.of());
        List<ServiceView.Phone> phones = new ArrayList<>();
        s.phones().forEach(p -> phone(p.number()).ifPresent(phones::add));
        locations.forEach(l -> l.phones().forEach(p -> phone(p.number()).ifPresent(phones::add)));
        List<String> languages = s.languages().stream().map(l -> Optional.ofNullable(l.code()).filter(c -> !c.isBlank())
            .map(c -> LocaleFormats.languageName(c, lang)).orElse(l.name())).filter(n -> n != null && !n.isBlank()).distinct().toList();
        List<String> bring = s.requiredDocuments().stream().map(doc -> doc.translations().of(lang, "document", doc.document()))
            .filter(x -> x != null && !x.isBlank()).toList();
        String state = switch (open) {
            case OPEN -> "open";
            case CLOSED -> "closed";
            case NO_HOURS -> "no-hours";
        };
        Optional<String> distance = km.map(k -> t.f("nav.km", "km", LocaleFormats.decimal(lang, k)));
        List<String> why = reasons.stream().sorted().map(r -> t.t("nav.reason." + r.name().toLowerCase(Locale.ROOT).replace('_', '-'))).toList();
        boolean review = !lang.equals("en") && tr.needsReview(lang);
        return new ServiceView(s.id(), t.href("/services/" + s.id()), tr.of(lang, "name", s.name()),
            Optional.ofNullable(tr.of(lang, "description", s.description())).orElse(""), organization, state,
            t.t("nav.open." + state), !"active".equals(s.status()), hours, address, phones, languages, bring, review, distance, why,
            updated(s.lastModified()));
    }

    /** When the service was last changed, from HSDS's last_modified. */
    private static Optional<java.time.Instant> updated(String lastModified) {
        try {
            return Optional.ofNullable(lastModified).map(java.time.Instant::parse);
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<ServiceView.Phone> phone(String number) {
        if (number == null || number.isBlank()) {
            return Optional.empty();
        }
        String digits = number.replaceAll("[^0-9+]", "");
        return Optional.of(new ServiceView.Phone(number.replace("\"", "").strip(), "tel:" + digits));
    }

    private static List<String> lines(Address a) {
        List<String> out = new ArrayList<>();
        for (String s : new String[] {a.address1(), a.address2(), join(a.postalCode(), a.city())}) {
            if (s != null && !s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }

    private static String join(String a, String b) {
        return ((a == null ? "" : a) + " " + (b == null ? "" : b)).strip();
    }

    /** "Monday, Tuesday: 09:00 to 13:00" in the reader's language, with its day names and time format. */
    private static Optional<String> hours(Schedule s, PageText t) {
        Optional<LocalTime> opens = OpeningHours.time(s.opensAt());
        Optional<LocalTime> closes = OpeningHours.time(s.closesAt());
        if (opens.isEmpty() || closes.isEmpty()) {
            return Optional.ofNullable(s.translations().of(t.lang(), "description", s.description())).filter(x -> !x.isBlank());
        }
        String days = s.byday() == null || s.byday().isBlank() ? "" : Arrays.stream(s.byday().split(",")).map(String::trim)
            .map(d -> ICAL_DAYS.indexOf(d.toUpperCase(Locale.ROOT))).filter(i -> i >= 0).map(i -> LocaleFormats.weekday(t.lang(), i + 1))
            .collect(Collectors.joining(", "));
        return Optional.of(t.f("nav.hours.line", "days", days, "from", LocaleFormats.time(t.lang(), opens.get()),
            "to", LocaleFormats.time(t.lang(), closes.get())));
    }
}
