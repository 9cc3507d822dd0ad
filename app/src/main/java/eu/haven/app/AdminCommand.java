package eu.haven.app;

import eu.haven.core.staff.Role;
import eu.haven.core.admin.StaffAdmin;
import eu.haven.core.staff.StaffUser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(mixinStandardHelpOptions = true, name = "admin", description = "Organisations and staff accounts; every change is recorded in the access ledger, which one process "
        + "writes at a time: stop the server first, or use /api/v1/admin/... with an admin account while it runs.",
    subcommands = {AdminCommand.CreateOrganisation.class, AdminCommand.CreateUser.class, AdminCommand.ListUsers.class,
        AdminCommand.ResetPassword.class, AdminCommand.DisableUser.class, AdminCommand.EnableUser.class, AdminCommand.DeleteUser.class})
public final class AdminCommand implements Runnable {
    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    @Command(mixinStandardHelpOptions = true, name = "create-organisation", description = "Create an organisation of a type the framework names.")
    static final class CreateOrganisation implements Callable<Integer> {
        @Mixin
        ServerOptions options;
        @Option(names = "--id", required = true, description = "Short id, e.g. city-shelter.")
        String id;
        @Option(names = "--name", required = true, description = "Display name.")
        String name;
        @Option(names = "--type", required = true, description = "Organisation type of the framework, e.g. shelter.")
        String type;

        @Override
        public Integer call() {
            try (Haven haven = new Haven(options.config(Path.of("data")))) {
                haven.staffAdmin().createOrganisation(Optional.empty(), id, name, type);
                System.out.println("Created organisation " + id + " (" + type + ").");
            }
            return 0;
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "create-user", description = "Create a staff account. Without --password-stdin a strong password is generated and shown once.")
    static final class CreateUser implements Callable<Integer> {
        @Mixin
        ServerOptions options;
        @Option(names = "--username", required = true)
        String username;
        @Option(names = "--organisation", required = true)
        String organisation;
        @Option(names = "--role", required = true, description = "caseworker, supervisor, dpo, oversight or admin.")
        String role;
        @Option(names = "--password-stdin", description = "Read the password from standard input.")
        boolean passwordStdin;

        @Override
        public Integer call() throws IOException {
            Role r = Role.parse(role).orElseThrow(() -> eu.haven.core.error.HavenException.invalid(
                "--role must be caseworker, supervisor, dpo, oversight or admin."));
            String password = passwordStdin
                ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine()
                : StaffAdmin.generatePassword();
            try (Haven haven = new Haven(options.config(Path.of("data")))) {
                StaffUser user = haven.staffAdmin().createUser(Optional.empty(), username, organisation, r, password == null ? "" : password.strip());
                System.out.println("Created " + r.code() + " " + user.username() + " at " + organisation + ".");
                if (!passwordStdin) {
                    System.out.println("Password (shown once): " + password);
                }
            }
            return 0;
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "list-users", description = "List staff accounts (no passwords).")
    static final class ListUsers implements Callable<Integer> {
        @Mixin
        ServerOptions options;

        @Override
        public Integer call() {
            try (Haven haven = new Haven(options.config(Path.of("data")))) {
                haven.staffAdmin().users(Optional.empty()).forEach(u ->
                    System.out.printf("%-24s %-26s %-11s %s%n", u.username(), u.organisationId(), u.role().code(), u.status()));
            }
            return 0;
        }
    }

    /** An act on one account, recorded in the ledger as done by the operator. */
    abstract static class OnAccount implements Callable<Integer> {
        @Mixin
        ServerOptions options;
        @Parameters(paramLabel = "USERNAME")
        String username;

        abstract String act(StaffAdmin admin);

        @Override
        public Integer call() {
            try (Haven haven = new Haven(options.config(Path.of("data")))) {
                System.out.println(act(haven.staffAdmin()));
            }
            return 0;
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "reset-password",
        description = "Give the account a new generated password, shown once; its sessions end.")
    static final class ResetPassword extends OnAccount {
        String act(StaffAdmin admin) {
            return "New password for " + username + " (shown once): " + admin.resetPassword(Optional.empty(), username);
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "disable-user", description = "The account cannot sign in until enabled; its sessions end.")
    static final class DisableUser extends OnAccount {
        String act(StaffAdmin admin) {
            admin.disable(Optional.empty(), username);
            return "Disabled " + username + ".";
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "enable-user", description = "The account can sign in again.")
    static final class EnableUser extends OnAccount {
        String act(StaffAdmin admin) {
            admin.enable(Optional.empty(), username);
            return "Enabled " + username + ".";
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "delete-user",
        description = "The account never signs in again; its name stays in people's histories.")
    static final class DeleteUser extends OnAccount {
        String act(StaffAdmin admin) {
            admin.delete(Optional.empty(), username);
            return "Deleted " + username + ".";
        }
    }
}
