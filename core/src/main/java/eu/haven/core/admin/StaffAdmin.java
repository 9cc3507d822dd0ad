package eu.haven.core.admin;

import eu.haven.core.access.Recorder;
import eu.haven.core.crypto.PasswordHasher;
import eu.haven.core.error.ErrorCode;
import eu.haven.core.error.HavenException;
import eu.haven.core.framework.Framework;
import eu.haven.core.framework.OrganisationType;
import eu.haven.core.policy.Action;
import eu.haven.core.staff.Actor;
import eu.haven.core.staff.Organisation;
import eu.haven.core.staff.OrganisationRepository;
import eu.haven.core.staff.Passwords;
import eu.haven.core.staff.Role;
import eu.haven.core.staff.StaffRepository;
import eu.haven.core.staff.StaffUser;
import eu.haven.core.staff.TokenRepository;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Organisations and staff accounts: created, disabled, enabled, deleted, passwords reset. Each act
 * is recorded in the access ledger as an administrative event naming no person, by the member of
 * staff with the admin role who did it ({@code by}) or, when {@code by} is empty, by the operator
 * on the server's command line ({@code haven admin}).
 */
public final class StaffAdmin {
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();
    private final OrganisationRepository organisations;
    private final StaffRepository staff;
    private final TokenRepository tokens;
    private final PasswordHasher hasher;
    private final Framework framework;
    private final Recorder recorder;
    private final java.util.function.Consumer<UUID> revoked;

    /** {@code revoked} is told when an account's tokens stop working, so that no cache trusts them any longer. */
    public StaffAdmin(OrganisationRepository organisations, StaffRepository staff, TokenRepository tokens, PasswordHasher hasher,
                      Framework framework, Recorder recorder, java.util.function.Consumer<UUID> revoked) {
        this.revoked = revoked;
        this.organisations = organisations;
        this.staff = staff;
        this.tokens = tokens;
        this.hasher = hasher;
        this.framework = framework;
        this.recorder = recorder;
    }

    /** A strong password to hand over once: 20 characters without look-alikes. */
    public static String generatePassword() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    public Organisation createOrganisation(Optional<Actor> by, String id, String name, String type) {
        requireAdmin(by);
        if (id == null || !id.matches("[a-z0-9][a-z0-9-]{1,62}")) {
            throw HavenException.invalid("An organisation id is 2 to 63 lower-case letters, digits and '-'.");
        }
        OrganisationType t = framework.organisationType(type).orElseThrow(() -> HavenException.invalid(
            "Unknown organisation type; the framework names: "
                + framework.organisationTypes().stream().map(OrganisationType::code).sorted().toList()));
        if (t.enforcement()) {
            throw new HavenException(ErrorCode.FIREWALL, "Organisations of an enforcement type cannot use Haven.");
        }
        if (organisations.find(id).isPresent()) {
            throw new HavenException(ErrorCode.CONFLICT, "An organisation with this id exists already.");
        }
        Organisation org = new Organisation(id, name == null || name.isBlank() ? id : name.strip(), type);
        recorder.administrative(by, Action.CREATE_ORGANISATION, Optional.empty());
        organisations.save(org, recorder.clock().instant());
        return org;
    }

    public StaffUser createUser(Optional<Actor> by, String username, String organisationId, Role role, String password) {
        requireAdmin(by);
        if (username == null || !username.matches("[a-z0-9][a-z0-9._-]{1,62}")) {
            throw HavenException.invalid("A username is 2 to 63 lower-case letters, digits, '.', '_' and '-'.");
        }
        Passwords.check(password);
        if (organisationId == null || organisations.find(organisationId).isEmpty()) {
            throw new HavenException(ErrorCode.UNKNOWN_ORGANISATION, "No organisation with this id.");
        }
        if (staff.findByUsername(username).isPresent()) {
            throw new HavenException(ErrorCode.CONFLICT, "This username is taken.");
        }
        StaffUser user = new StaffUser(UUID.randomUUID(), username, organisationId, role, hasher.hash(password), false, false);
        recorder.administrative(by, Action.CREATE_USER, Optional.of(user.id()));
        staff.save(user, recorder.clock().instant());
        return user;
    }

    /** A new password for the account, to hand over once; every token of the account stops working. */
    public String resetPassword(Optional<Actor> by, String username) {
        StaffUser user = account(by, username);
        String password = generatePassword();
        String hash = hasher.hash(password);
        recorder.administrative(by, Action.RESET_PASSWORD, Optional.of(user.id()));
        staff.setPasswordHash(user.id(), hash);
        endSessions(user.id());
        return password;
    }

    /** The account cannot sign in until enabled again; its tokens stop working at once. */
    public void disable(Optional<Actor> by, String username) {
        StaffUser user = othersAccount(by, username, "disable");
        recorder.administrative(by, Action.DISABLE_USER, Optional.of(user.id()));
        staff.setDisabled(user.id(), true);
        endSessions(user.id());
    }

    public void enable(Optional<Actor> by, String username) {
        StaffUser user = account(by, username);
        recorder.administrative(by, Action.ENABLE_USER, Optional.of(user.id()));
        staff.setDisabled(user.id(), false);
    }

    /** The account never signs in again; its id and username stay, since people's histories name them. */
    public void delete(Optional<Actor> by, String username) {
        StaffUser user = othersAccount(by, username, "delete");
        recorder.administrative(by, Action.DELETE_USER, Optional.of(user.id()));
        staff.markDeleted(user.id(), recorder.clock().instant());
        endSessions(user.id());
    }

    public Optional<Organisation> organisation(String id) {
        return organisations.find(id);
    }

    public List<StaffUser> users(Optional<Actor> by) {
        requireAdmin(by);
        return staff.all();
    }

    /**
     * A backup of the embedded database, taken online into the installation's backup folder, and
     * recorded in the ledger as the administrator's act. The key store is not in it (docs/BACKUP.md).
     */
    public DatabaseBackups.Backup backup(Optional<Actor> by, DatabaseBackups backups) {
        requireAdmin(by);
        recorder.administrative(by, eu.haven.core.policy.Action.BACKUP, Optional.empty());
        return backups.backup();
    }

    /** An account's name by its id (for the data protection officer's alerts, which name the member of staff). */
    public Optional<String> username(java.util.UUID id) {
        return staff.find(id).map(StaffUser::username);
    }

    public Optional<StaffUser> user(String username) {
        return staff.findByUsername(username);
    }

    /** Every token of the account stops working, in the database and in any cache that trusts it. */
    private void endSessions(UUID userId) {
        tokens.deleteForUser(userId);
        revoked.accept(userId);
    }

    /** An account the acting administrator may take away from its holder: not their own. */
    private StaffUser othersAccount(Optional<Actor> by, String username, String verb) {
        StaffUser user = account(by, username);
        if (by.isPresent() && by.get().userId().equals(user.id())) {
            throw HavenException.invalid("You cannot " + verb + " your own account.");
        }
        return user;
    }

    private StaffUser account(Optional<Actor> by, String username) {
        requireAdmin(by);
        StaffUser user = staff.findByUsername(Optional.ofNullable(username).orElse("")).orElseThrow(HavenException::notFound);
        if (user.deleted()) {
            throw new HavenException(ErrorCode.CONFLICT, "This account was deleted.");
        }
        return user;
    }

    /** Through the API only the admin role administers accounts; the operator on the command line always may. */
    private static void requireAdmin(Optional<Actor> by) {
        if (by.isPresent() && by.get().role() != Role.ADMIN) {
            throw new HavenException(ErrorCode.ROLE, "Only an administrator manages organisations and accounts.");
        }
    }
}
