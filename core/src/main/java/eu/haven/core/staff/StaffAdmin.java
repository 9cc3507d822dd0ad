package eu.haven.core.staff;

import eu.haven.core.crypto.PasswordHasher;
import eu.haven.core.error.ErrorCode;
import eu.haven.core.error.HavenException;
import eu.haven.core.framework.Framework;
import eu.haven.core.framework.OrganisationType;
import java.util.Optional;
import java.util.UUID;

/** Creates organisations and staff accounts (the command line's {@code haven admin}). */
public final class StaffAdmin {
    public static final int MIN_PASSWORD = 10;
    private final OrganisationRepository organisations;
    private final StaffRepository staff;
    private final PasswordHasher hasher;
    private final Framework framework;
    private final java.time.Clock clock;

    public StaffAdmin(OrganisationRepository organisations, StaffRepository staff, PasswordHasher hasher,
                      Framework framework, java.time.Clock clock) {
        this.clock = clock;
        this.organisations = organisations;
        this.staff = staff;
        this.hasher = hasher;
        this.framework = framework;
    }

    public Organisation createOrganisation(String id, String name, String type) {
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
        organisations.save(org, clock.instant());
        return org;
    }

    public StaffUser createUser(String username, String organisationId, Role role, String password) {
        if (username == null || !username.matches("[a-z0-9][a-z0-9._-]{1,62}")) {
            throw HavenException.invalid("A username is 2 to 63 lower-case letters, digits, '.', '_' and '-'.");
        }
        if (password == null || password.length() < MIN_PASSWORD) {
            throw HavenException.invalid("A password has at least " + MIN_PASSWORD + " characters.");
        }
        if (organisations.find(organisationId).isEmpty()) {
            throw new HavenException(ErrorCode.UNKNOWN_ORGANISATION, "No organisation with this id.");
        }
        if (staff.findByUsername(username).isPresent()) {
            throw new HavenException(ErrorCode.CONFLICT, "This username is taken.");
        }
        StaffUser user = new StaffUser(UUID.randomUUID(), username, organisationId, role, hasher.hash(password), false);
        staff.save(user, clock.instant());
        return user;
    }

    public Optional<Organisation> organisation(String id) {
        return organisations.find(id);
    }

    public java.util.List<StaffUser> users() {
        return staff.all();
    }

    public Optional<StaffUser> user(String username) {
        return staff.findByUsername(username);
    }
}
