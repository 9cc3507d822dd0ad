package eu.haven.core.authority;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The register of authority requests and the people each concerns. */
public interface AuthorityRequestRepository {
    void insert(AuthorityRequest request);

    Optional<AuthorityRequest> find(UUID id);

    /** The newest first. */
    List<AuthorityRequest> list(int limit);

    /** Adds the person to the request; false when they were already on it. */
    boolean addPerson(UUID requestId, UUID personId, Instant at);

    List<UUID> persons(UUID requestId);

    /** How many people the request concerns. */
    int personCount(UUID requestId);

    void decide(AuthorityRequest decided);

    void postpone(UUID requestId, LocalDate until, String reason);

    /**
     * Whether other servers write here too (several servers on one database): a postponement registered through one
     * must then hold on every server at once, so that none of them remembers the latest one.
     */
    default boolean shared() {
        return false;
    }

    /** The latest date until which any request's telling is postponed, if one ever was. */
    Optional<LocalDate> latestPostponement();

    /** The requests concerning the person that may not be shown to them on {@code today}. */
    Set<UUID> hiddenFrom(UUID personId, LocalDate today);

    /** Requests received in {@code [from, to)}. */
    List<AuthorityRequest> received(Instant from, Instant to);
}
