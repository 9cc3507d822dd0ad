package eu.haven.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import eu.haven.web.i18n.Messages;
import eu.haven.web.page.PageText;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.Provide;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** Dates and times the pages write from memory (by minute) are what ICU writes for that very moment, in every language and zone. */
class PageTextDatesTest {
    @Property(tries = 400)
    void a_remembered_moment_is_written_as_icu_writes_it(@ForAll @LongRange(min = 0, max = 4_102_444_800_000L) long millis,
                                                        @ForAll("languages") String lang, @ForAll("zones") String zone) {
        Instant at = Instant.ofEpochMilli(millis);
        PageText t = new PageText(lang, List.of(Messages.bundled()), ZoneId.of(zone));
        DateFormat both = DateFormat.getDateTimeInstance(DateFormat.MEDIUM, DateFormat.SHORT, ULocale.forLanguageTag(lang));
        both.setTimeZone(TimeZone.getTimeZone(zone));
        DateFormat day = DateFormat.getDateInstance(DateFormat.MEDIUM, ULocale.forLanguageTag(lang));
        day.setTimeZone(TimeZone.getTimeZone(zone));
        // Asked twice each, and a second later in the same minute, so that answers come from memory too.
        for (Instant moment : List.of(at, at, at.plusSeconds(1))) {
            String expected = both.format(Date.from(moment));
            assertThat(t.dateTime(moment)).isEqualTo(expected);
            assertThat(t.dateTime(moment.toString())).isEqualTo(expected);
            assertThat(t.date(moment.toString())).isEqualTo(day.format(Date.from(moment)));
            assertThat(t.date(moment)).isEqualTo(day.format(Date.from(moment)));
        }
    }

    @Provide
    Arbitrary<String> languages() {
        return Arbitraries.of(Messages.LANGUAGES);
    }

    @Provide
    Arbitrary<String> zones() {
        return Arbitraries.of("Europe/Berlin", "UTC", "Asia/Kathmandu", "America/St_Johns", "Australia/Lord_Howe", "Asia/Tehran");
    }
}
