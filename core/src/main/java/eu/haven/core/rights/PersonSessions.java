package eu.haven.core.rights;

import eu.haven.core.access.Recorder;
import eu.haven.core.crypto.KeyedHash;
import eu.haven.core.crypto.PasswordHasher;
import eu.haven.core.crypto.PersonKeys;
import eu.haven.core.crypto.Tokens;
import eu.haven.core.error.ErrorCode;
import eu.haven.core.error.HavenException;
import eu.haven.core.person.AccessCodes;
import eu.haven.core.person.Person;
import eu.haven.core.person.PersonRepository;
import eu.haven.core.person.PersonSessionRepository;
import eu.haven.core.policy.Action;
import eu.haven.core.staff.IssuedToken;
import eu.haven.core.staff.LoginThrottle;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Signing in with an access code. Wrong codes are counted per client address: after
 * {@code Settings.failures} within {@code Settings.window} that address waits until the oldest
 * failure leaves the window (429). The code itself is never stored: it is found by a keyed hash
 * and checked against its Argon2id hash.
 */
public final class PersonSessions {
    /** Throttle and session lifetime. */
    public record Settings(int failures, Duration window, Duration sessionLifetime) {
        public static Settings defaults() {
            return new Settings(5, Duration.ofMinutes(1), Duration.ofMinutes(30));
        }
    }

    private final PersonRepository persons;
    private final PersonSessionRepository sessions;
    private final PersonKeys keys;
    private final PasswordHasher hasher;
    private final KeyedHash lookup;
    private final Recorder recorder;
    private final LoginThrottle throttle;
    private final Settings settings;
    private final String dummyHash;

    public PersonSessions(PersonRepository persons, PersonSessionRepository sessions, PersonKeys keys, PasswordHasher hasher,
                          KeyedHash lookup, Recorder recorder, Settings settings) {
        this.persons = persons;
        this.sessions = sessions;
        this.keys = keys;
        this.hasher = hasher;
        this.lookup = lookup;
        this.recorder = recorder;
        this.settings = settings;
        this.throttle = new LoginThrottle(settings.failures(), settings.window(), recorder.clock());
        this.dummyHash = hasher.hash("222222222222222222222222");
    }

    /** Opens a session; {@code client} identifies where the attempt comes from (the address). */
    public IssuedToken signIn(String accessCode, String client) {
        if (!throttle.allowed(client)) {
            throw new HavenException(ErrorCode.RATE_LIMITED,
                "Too many wrong access codes were tried from here. Wait a minute, then try again.");
        }
        Optional<String> canonical = Optional.ofNullable(accessCode).filter(c -> c.length() < 100).flatMap(AccessCodes::normalise);
        Optional<Person> person = canonical.flatMap(c -> persons.findByCodeLookup(lookup.hash(c)));
        boolean ok = hasher.verify(canonical.orElse("-"), person.map(Person::accessCodeHash).orElse(dummyHash))
            && person.isPresent() && keys.find(person.get().id()).isPresent();
        if (!ok) {
            throttle.failed(client);
            throw new HavenException(ErrorCode.INVALID_CREDENTIALS,
                "This access code is not valid. Check each group of letters and digits; a caseworker can give you a new code.");
        }
        Person p = person.get();
        recorder.byPerson(p.id(), Action.SIGN_IN, Set.of(), Optional.empty());
        String token = Tokens.generate();
        Instant now = recorder.clock().instant();
        sessions.deleteExpired(now);
        Instant expires = now.plus(settings.sessionLifetime());
        sessions.save(Tokens.hash(token), p.id(), expires);
        return new IssuedToken(token, expires);
    }

    /** The person behind an {@code Authorization: Bearer} header, or 401. */
    public Self authenticate(Optional<String> authorization) {
        String token = Tokens.bearer(authorization).orElseThrow(PersonSessions::unauthorized);
        Instant now = recorder.clock().instant();
        PersonSessionRepository.Session session = sessions.find(Tokens.hash(token))
            .filter(s -> s.expiresAt().isAfter(now)).orElseThrow(PersonSessions::unauthorized);
        return new Self(session.personId());
    }

    /** Ends every session of the person (a new code was issued, or the person was erased). */
    public void endAll(java.util.UUID personId) {
        sessions.deleteForPerson(personId);
    }

    private static HavenException unauthorized() {
        return new HavenException(ErrorCode.UNAUTHORIZED,
            "Sign in with your access code first: POST /api/v1/me/session, then send Authorization: Bearer <token>.");
    }
}
