package eu.haven.app;

import eu.haven.core.admin.StaffAdmin;
import eu.haven.core.staff.Role;
import java.util.List;

/** The demo city's organisations and staff. Demo only: every account shares one known password. */
public final class DemoData {
    public static final String PASSWORD = "haven-demo";

    public record DemoUser(String username, String organisation, Role role) {}

    public static final List<DemoUser> USERS = List.of(
        new DemoUser("shelter.worker", "city-shelter", Role.CASEWORKER),
        new DemoUser("legal.worker", "legal-aid", Role.CASEWORKER),
        new DemoUser("health.worker", "health-clinic", Role.CASEWORKER),
        new DemoUser("social.worker", "social-office", Role.CASEWORKER),
        new DemoUser("city.dpo", "city-hall", Role.DPO),
        new DemoUser("dpa.auditor", "data-protection-authority", Role.OVERSIGHT),
        new DemoUser("equality.body", "equality-body", Role.EQUALITY),
        new DemoUser("admin", "city-hall", Role.ADMIN),
        new DemoUser("city.editor", "city-hall", Role.EDITOR));

    private DemoData() {}

    /** Creates what is missing; running it twice changes nothing. */
    public static void seed(StaffAdmin admin) {
        String[][] orgs = {
            {"city-shelter", "City Shelter", "shelter"},
            {"legal-aid", "Legal Aid Centre", "legal-aid"},
            {"health-clinic", "Health Clinic", "health"},
            {"social-office", "Social Office", "social-assistance"},
            {"city-hall", "City Hall", "city-administration"},
            {"data-protection-authority", "Data Protection Authority", "supervisory-authority"},
            {"equality-body", "Equality Body", "equality-body"}};
        for (String[] o : orgs) {
            if (admin.organisation(o[0]).isEmpty()) {
                admin.createOrganisation(java.util.Optional.empty(), o[0], o[1], o[2]);
            }
        }
        for (DemoUser u : USERS) {
            if (admin.user(u.username()).isEmpty()) {
                admin.createUser(java.util.Optional.empty(), u.username(), u.organisation(), u.role(), PASSWORD);
            }
        }
    }

    /** The fictional city's service directory (40 services, 30 questions), loaded once into an empty directory. */
    public static void directory(eu.haven.navigator.directory.NavigatorService navigator) {
        if (!navigator.directory().services().isEmpty()) {
            return;
        }
        var demo = new eu.haven.navigator.hsds.JsonImport().readBundled("/navigator/demo");
        if (!demo.ok()) {
            throw new IllegalStateException("The bundled demo directory does not import: " + demo.badRows());
        }
        navigator.replaceAll(demo.directory(), "demo");
    }
}
