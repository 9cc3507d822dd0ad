package eu.haven.navigator.search;

import eu.haven.navigator.directory.Service;
import java.util.Optional;
import java.util.Set;

/** One service found, with why it matched, whether it is open, and how far it is when a place was given. */
public record SearchHit(Service service, Set<Reason> reasons, OpeningHours.State open, Optional<Double> kilometres) {
}
