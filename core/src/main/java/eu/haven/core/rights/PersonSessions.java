package eu.haven.core.rights;

import eu.haven.core.access.Recorder;
import eu.haven.core.alert.Alert;
import eu.haven.core.alert.AlertService;
import eu.haven.core.crypto.KeyedHash;
import eu.haven.core.crypto.PasswordHasher;
import eu.haven.core.crypto.PersonKeys;
import eu.haven.core.crypto.Tokens;
import eu.haven.core.error.ErrorCode;
import eu.haven.core.error.HavenException;
import eu.haven.core.person.AccessCodes;
import eu.haven.core.person.CodeState;
import eu.haven.core.person.Person;
import eu.haven.core.person.PersonRepository;
import eu.haven.core.person.PersonSessionRepository;
import eu.haven.core.person.Self;
import eu.haven.core.policy.Action;
import eu.haven.core.staff.IssuedToken;
import eu.haven.core.staff.LoginThrottle;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Signing in with an access code and the person's own secret. A code is issued unactivated: at the
 * first sign-in the person activates it with a secret only they know (a PIN is enough), before
 * anything is shown; a code not activated within {@code Settings.activationWindow} expires. A
 * code someone else activated first tells the person so and raises an alert for the data
 * protection officer. After {@code Settings.secretFailures} wrong secrets in a row the code locks
 * until it is replaced (which needs a second person's approval). Attempts are also counted per
 * client address before any work (a success gives its count back): after {@code Settings.failures}
 * that address waits 2 s, doubling with each further failure up to {@code Settings.window} (429 with
 * {@code Retry-After}). Neither code nor secret is
 * stored: the code is found by a keyed hash, and both are checked against Argon2id hashes.
 */
public final class PersonSessions {
    /** Throttle, session lifetime, the time to activate a new code, wrong secrets before a code locks. */
    public record Settings(int failures, Duration window, Duration sessionLifetime, Duration activationWindow,
                           int secretFailures) {
        public static Settings defaults() {
            return new Settings(5, Duration.ofMinutes(1), Duration.ofMinutes(30), Duration.ofDays(7), 10);
        }
    }

    /** The shortest and longest secret accepted. A PIN of four digits is enough: the code is the strong part. */
    public static final int MIN_SECRET = 4;
    public static final int MAX_SECRET = 128;

    private final PersonRepository persons;
    private final PersonSessionRepository sessions;
    private final PersonKeys keys;
    private final PasswordHasher hasher;
    private final KeyedHash lookup;
    private final Recorder recorder;
    private final AlertService alerts;
    private final LoginThrottle throttle;
    private final Settings settings;
    private final java.util.function.Supplier<String> dummyHash;

    public PersonSessions(PersonRepository persons, PersonSessionRepository sessions, PersonKeys keys, PasswordHasher hasher,
                          KeyedHash lookup, Recorder recorder, AlertService alerts, Settings settings) {
        this.persons = persons;
        this.sessions = sessions;
        this.keys = keys;
        this.hasher = hasher;
        this.lookup = lookup;
        this.recorder = recorder;
        this.alerts = alerts;
        this.settings = settings;
        this.throttle = new LoginThrottle(new LoginThrottle.Settings(settings.failures(), Duration.ofSeconds(2), settings.window(),
            Duration.ofMinutes(15), 100_000), recorder.clock(),
            "Too many wrong access codes were tried from here. Wait a little, then try again.");
        this.dummyHash = hasher.decoy("222222222222222222222222");
    }

    public Settings settings() {
        return settings;
    }

    /** Opens a session with the code and the secret; {@code client} identifies where the attempt comes from. */
    public IssuedToken signIn(String accessCode, Optional<String> secret, String client) {
        Person p = person(accessCode, client);
        CodeState state = persons.codeState(p.id()).orElseThrow(() -> wrongCode(client));
        Instant now = recorder.clock().instant();
        if (state.activatedAt().isEmpty()) {
            if (expired(state, now)) {
                throw expired();
            }
            throw new HavenException(ErrorCode.ACTIVATION_REQUIRED,
                "This code is new. Choose a secret of your own (at least " + MIN_SECRET + " characters; a PIN is fine) "
                    + "to activate it. Nobody else should know it.");
        }
        if (state.secretFailures() >= settings.secretFailures()) {
            throw locked();
        }
        String typed = secret.map(PersonSessions::normalise).orElse("");
        if (!hasher.verify(typed, state.secretHash().orElseGet(dummyHash))) {
            int failures = persons.secretFailed(p.id());
            if (failures >= settings.secretFailures()) {
                alerts.raise(Alert.Kind.SECRET_LOCKED, p.id(), Optional.of(p.createdBy()), Optional.empty());
                throw locked();
            }
            throw new HavenException(ErrorCode.INVALID_CREDENTIALS, "The code or the secret is not right. Check both and try again.");
        }
        if (state.secretFailures() > 0) {
            persons.secretSucceeded(p.id());
        }
        recorder.byPerson(p.id(), Action.SIGN_IN, Set.of(), Optional.empty());
        throttle.refund(client);
        return open(p, now);
    }

    /**
     * Activates a new code with the person's own secret and opens a session. A code that someone
     * already activated is refused: the person is told, the attempt is recorded in their history,
     * and the data protection officer gets an alert.
     */
    public IssuedToken activate(String accessCode, String secret, String client) {
        String chosen = Optional.ofNullable(secret).map(PersonSessions::normalise).orElse("");
        if (chosen.codePointCount(0, chosen.length()) < MIN_SECRET || chosen.length() > MAX_SECRET) {
            throw HavenException.invalid("'secret' must be " + MIN_SECRET + " to " + MAX_SECRET + " characters.");
        }
        Person p = person(accessCode, client);
        CodeState state = persons.codeState(p.id()).orElseThrow(() -> wrongCode(client));
        Instant now = recorder.clock().instant();
        if (state.activatedAt().isEmpty() && expired(state, now)) {
            throw expired();
        }
        if (state.activatedAt().isPresent() || !persons.activate(p.id(), hasher.hash(chosen), now)) {
            recorder.refusedToPerson(p.id(), Action.ACTIVATE_ACCESS_CODE, "already-activated", Optional.empty());
            alerts.raise(Alert.Kind.CODE_ALREADY_ACTIVATED, p.id(), Optional.of(p.createdBy()), Optional.empty());
            throw new HavenException(ErrorCode.ALREADY_ACTIVATED,
                "This code was already activated. If that was not you, someone else may have used your code: the data "
                    + "protection officer has been told. Ask a caseworker for a new code; it needs a second person's approval.");
        }
        recorder.byPerson(p.id(), Action.ACTIVATE_ACCESS_CODE, Set.of(), Optional.empty());
        throttle.refund(client);
        return open(p, now);
    }

    private IssuedToken open(Person p, Instant now) {
        String token = Tokens.generate();
        sessions.deleteExpired(now);
        Instant expires = now.plus(settings.sessionLifetime());
        sessions.save(Tokens.hash(token), p.id(), expires);
        return new IssuedToken(token, expires);
    }

    /** The person whose code this is, or 401 (counted against the client). */
    private Person person(String accessCode, String client) {
        throttle.attempt(client);
        Optional<String> canonical = Optional.ofNullable(accessCode).filter(c -> c.length() < 100).flatMap(AccessCodes::normalise);
        Optional<Person> person = canonical.flatMap(c -> persons.findByCodeLookup(lookup.hash(c)));
        boolean ok = hasher.verify(canonical.orElse("-"), person.map(Person::accessCodeHash).orElseGet(dummyHash))
            && person.isPresent() && keys.find(person.get().id()).isPresent();
        if (!ok) {
            throw wrongCode(client);
        }
        return person.get();
    }

    private HavenException wrongCode(String client) {
        return new HavenException(ErrorCode.INVALID_CREDENTIALS,
            "This access code is not valid. Check each group of letters and digits; a caseworker can give you a new code.");
    }

    private boolean expired(CodeState state, Instant now) {
        return !state.issuedAt().plus(settings.activationWindow()).isAfter(now);
    }

    private static HavenException expired() {
        return new HavenException(ErrorCode.ACCESS_CODE_EXPIRED,
            "This code was not activated in time and has expired. A caseworker can ask for a new one.");
    }

    private static HavenException locked() {
        return new HavenException(ErrorCode.ACCESS_CODE_LOCKED,
            "Too many wrong secrets: this code is locked. A caseworker can ask for a new code; the data protection officer has been told.");
    }

    /** The secret as typed, in Unicode NFC, so that the same keys on another phone give the same secret. */
    static String normalise(String secret) {
        return java.text.Normalizer.normalize(secret, java.text.Normalizer.Form.NFC);
    }

    /** Signing out: the session stops working at once. */
    public void signOut(Optional<String> token) {
        sessions.delete(Tokens.hash(token.orElseThrow(PersonSessions::unauthorized)));
    }

    /** The person behind a session token (as the client sent it), or 401. */
    public Self authenticate(Optional<String> bearer) {
        String token = bearer.orElseThrow(PersonSessions::unauthorized);
        Instant now = recorder.clock().instant();
        PersonSessionRepository.Session session = sessions.find(Tokens.hash(token))
            .filter(s -> s.expiresAt().isAfter(now)).orElseThrow(PersonSessions::unauthorized);
        return new Self(session.personId());
    }

    private static HavenException unauthorized() {
        return new HavenException(ErrorCode.UNAUTHORIZED,
            "Sign in with your access code first; a sign-in lasts for a limited time.");
    }
}
