package eu.haven.core.staff;

import eu.haven.core.crypto.PasswordHasher;
import eu.haven.core.crypto.Tokens;
import eu.haven.core.error.ErrorCode;
import eu.haven.core.error.HavenException;
import eu.haven.core.framework.Framework;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Staff sign-in with Argon2id passwords, and expiring bearer tokens stored only as hashes. */
public final class AuthService {
    private final StaffRepository staff;
    private final OrganisationRepository organisations;
    private final TokenRepository tokens;
    private final PasswordHasher hasher;
    private final Framework framework;
    private final Duration tokenLifetime;
    /** Told of every password change (who, whose), to record it; before the change is stored. */
    private final java.util.function.BiConsumer<Actor, UUID> passwordChanged;
    private final LoginThrottle perAccount;
    private final LoginThrottle perAddress;
    private final Clock clock;
    private final java.util.function.Supplier<String> dummyHash;
    private final java.util.Map<String, Cached> recent = new java.util.concurrent.ConcurrentHashMap<>();
    static final java.time.Duration CACHE_FOR = java.time.Duration.ofSeconds(10);

    public AuthService(StaffRepository staff, OrganisationRepository organisations, TokenRepository tokens,
                       PasswordHasher hasher, Framework framework, Duration tokenLifetime, Clock clock,
                       java.util.function.BiConsumer<Actor, UUID> passwordChanged) {
        this.passwordChanged = passwordChanged;
        this.staff = staff;
        this.organisations = organisations;
        this.tokens = tokens;
        this.hasher = hasher;
        this.framework = framework;
        this.tokenLifetime = tokenLifetime;
        this.clock = clock;
        String wait = "Too many failed sign-ins; wait before trying again.";
        this.perAccount = new LoginThrottle(new LoginThrottle.Settings(5, Duration.ofSeconds(1), Duration.ofMinutes(15),
            Duration.ofHours(1), 100_000), clock, wait);
        this.perAddress = new LoginThrottle(new LoginThrottle.Settings(50, Duration.ofSeconds(1), Duration.ofMinutes(15),
            Duration.ofHours(1), 100_000), clock, wait);
        this.dummyHash = hasher.decoy("no such user");
    }

    /**
     * Signs a member of staff in. Attempts are counted before the password is checked, per
     * account and address (so that nobody can lock a caseworker out from elsewhere) and per
     * address (so that one address cannot try every account); see {@link LoginThrottle}.
     */
    public IssuedToken login(String username, String password, String client) {
        if (username == null || password == null || username.length() > 100 || password.length() > 1000) {
            throw new HavenException(ErrorCode.INVALID_CREDENTIALS, "Unknown username or wrong password.");
        }
        UUID userId = passwordTry(username, client, () -> {
            Optional<StaffUser> user = staff.findByUsername(username);
            boolean ok = hasher.verify(password, user.map(StaffUser::passwordHash).orElseGet(dummyHash))
                && user.isPresent() && user.get().active();
            return ok ? user.map(StaffUser::id) : Optional.empty();
        }).orElseThrow(() -> new HavenException(ErrorCode.INVALID_CREDENTIALS, "Unknown username or wrong password."));
        return issue(userId);
    }

    /**
     * One password try: counted before any work (per account and address, and per address),
     * forgiven when {@code check} finds the password right, which it says by returning the user.
     */
    private Optional<UUID> passwordTry(String username, String client, java.util.function.Supplier<Optional<UUID>> check) {
        String account = username.toLowerCase(Locale.ROOT) + "\n" + client;
        perAddress.attempt(client);
        perAccount.attempt(account);
        Optional<UUID> user = check.get();
        if (user.isPresent()) {
            perAccount.succeeded(account);
            perAddress.refund(client);
        }
        return user;
    }

    private IssuedToken issue(UUID userId) {
        String token = Tokens.generate();
        tokens.deleteExpired(clock.instant());
        Instant expires = clock.instant().plus(tokenLifetime);
        tokens.save(Tokens.hash(token), userId, expires);
        return new IssuedToken(token, expires);
    }

    /** The user's tokens were revoked (account disabled, deleted, password reset): forget them at once. */
    public void forgetUser(UUID userId) {
        recent.values().removeIf(c -> c.actor().userId().equals(userId));
    }

    /** Signing out: the token stops working at once. */
    public void signOut(Optional<String> token) {
        String hash = Tokens.hash(token.orElseThrow(AuthService::unauthorized));
        tokens.delete(hash);
        recent.remove(hash);
    }

    /**
     * Changes the signed-in member of staff's own password: the current one must be given (and
     * counts as a sign-in try); every token of the account stops working, and a fresh one is
     * returned. Recorded in the ledger.
     */
    public IssuedToken changePassword(Actor actor, String current, String replacement, String client) {
        Passwords.check(replacement);
        StaffUser user = staff.find(actor.userId()).filter(StaffUser::active).orElseThrow(AuthService::unauthorized);
        passwordTry(user.username(), client, () -> current != null && current.length() <= 1000
            && hasher.verify(current, user.passwordHash()) ? Optional.of(user.id()) : Optional.empty())
            .orElseThrow(() -> new HavenException(ErrorCode.INVALID_CREDENTIALS, "The current password is not right."));
        String hash = hasher.hash(replacement);
        passwordChanged.accept(actor, user.id());
        staff.setPasswordHash(user.id(), hash);
        tokens.deleteForUser(user.id());
        forgetUser(user.id());
        return issue(user.id());
    }

    /** The actor behind a bearer token (as the client sent it), or 401. */
    public Actor authenticate(Optional<String> bearer) {
        String token = bearer.orElseThrow(AuthService::unauthorized);
        Instant now = clock.instant();
        String hash = Tokens.hash(token);
        Cached cached = recent.get(hash);
        if (cached != null && cached.until().isAfter(now)) {
            return cached.actor();
        }
        Cached fresh = lookUp(hash, now);
        if (recent.size() > 10_000) {
            recent.clear();
        }
        recent.put(hash, fresh);
        return fresh.actor();
    }

    /**
     * A token checked in the last {@link #CACHE_FOR} is trusted without asking the database again:
     * disabling a user or an organisation takes effect within that time.
     */
    private record Cached(Actor actor, Instant until) {}

    private Cached lookUp(String hash, Instant now) {
        TokenRepository.StoredToken stored = tokens.find(hash)
            .filter(t -> t.expiresAt().isAfter(now)).orElseThrow(AuthService::unauthorized);
        StaffUser user = staff.find(stored.userId()).filter(StaffUser::active).orElseThrow(AuthService::unauthorized);
        Organisation org = organisations.find(user.organisationId()).orElseThrow(AuthService::unauthorized);
        if (framework.organisationType(org.type()).isEmpty()) {
            throw unauthorized();
        }
        Instant until = now.plus(CACHE_FOR).isBefore(stored.expiresAt()) ? now.plus(CACHE_FOR) : stored.expiresAt();
        return new Cached(new Actor(user.id(), org.id(), org.type(), user.role()), until);
    }

    private static HavenException unauthorized() {
        return new HavenException(ErrorCode.UNAUTHORIZED, "Sign in first; a sign-in lasts for a limited time.");
    }
}
