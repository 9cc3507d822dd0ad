package eu.haven.app;

import eu.haven.core.staff.Role;
import eu.haven.core.staff.StaffUser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(mixinStandardHelpOptions = true, name = "admin", description = "Create organisations and staff accounts. Stop the server first when it uses the embedded database.",
    subcommands = {AdminCommand.CreateOrganisation.class, AdminCommand.CreateUser.class, AdminCommand.ListUsers.class})
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
                haven.staffAdmin().createOrganisation(id, name, type);
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
                : generatePassword();
            try (Haven haven = new Haven(options.config(Path.of("data")))) {
                StaffUser user = haven.staffAdmin().createUser(username, organisation, r, password == null ? "" : password.strip());
                System.out.println("Created " + r.code() + " " + user.username() + " at " + organisation + ".");
                if (!passwordStdin) {
                    System.out.println("Password (shown once): " + password);
                }
            }
            return 0;
        }

        private static String generatePassword() {
            String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
            SecureRandom random = new SecureRandom();
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 20; i++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            return sb.toString();
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "list-users", description = "List staff accounts (no passwords).")
    static final class ListUsers implements Callable<Integer> {
        @Mixin
        ServerOptions options;

        @Override
        public Integer call() {
            try (Haven haven = new Haven(options.config(Path.of("data")))) {
                haven.staffAdmin().users().forEach(u ->
                    System.out.printf("%-24s %-26s %s%s%n", u.username(), u.organisationId(), u.role().code(), u.disabled() ? " (disabled)" : ""));
            }
            return 0;
        }
    }
}
