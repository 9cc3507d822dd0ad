package eu.haven.web.page.navigator;

import java.util.List;
import java.util.Optional;

/**
 * A service as a page shows it, every text already in the reader's language. {@code review}: the texts in this
 * language were drafted by machine and wait for a native speaker.
 */
public record ServiceView(String id, String href, String name, String description, Optional<String> organization,
                          String openState, String openText, boolean closedStatus, List<String> hours, List<String> address,
                          List<Phone> phones, List<String> languages, List<String> bring, boolean review,
                          Optional<String> distance, List<String> reasons,
                          Optional<java.time.Instant> updated) {
    /** A phone number and its {@code tel:} link. */
    public record Phone(String number, String href) {
    }
}
