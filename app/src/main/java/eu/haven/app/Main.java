package eu.haven.app;

import eu.haven.verify.VerifyCommand;

import eu.haven.core.error.HavenException;
import eu.haven.core.framework.FrameworkException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code haven}: the command line. */
@Command(name = "haven", mixinStandardHelpOptions = true, version = "Haven 0.1.0",
    description = "Purpose-bound case data sharing behind a firewall.",
    subcommands = {ServeCommand.class, DemoCommand.class, AdminCommand.class, FrameworkCommand.class, VerifyCommand.class,
        LedgerCommand.class, NavigatorCommand.class, BackupCommand.class, WitnessCommand.class, KeysCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command with settings from the options, the environment, then the configuration file. */
    static int run(String... args) {
        CommandLine cli = cli();
        try {
            cli.setDefaultValueProvider(ConfigFile.locate(args, System::getenv));
        } catch (ConfigurationException e) {
            cli.getErr().println("haven: " + e.getMessage());
            return 2;
        }
        return cli.execute(args);
    }

    /** The command line with Haven's answers to failures: a plain message and an exit code, never a stack trace. */
    public static CommandLine cli() {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof eu.haven.core.audit.LedgerIntegrityException) {
                cmd.getErr().println("haven: " + e.getMessage());
                cmd.getErr().println("  Haven will not serve until this is resolved. Restore the database and the key folder from the same backup,");
                cmd.getErr().println("  or ask the data-protection officer to investigate: someone may have changed the ledger's rows.");
                return 4;
            }
            if (e instanceof FrameworkException || e instanceof HavenException || e instanceof ConfigurationException
                || e instanceof Installation.NoInstallation || e instanceof eu.haven.store.LedgerKeyFile.OriginMismatch) {
                cmd.getErr().println("haven: " + e.getMessage());
                return 2;
            }
            if (e instanceof org.flywaydb.core.api.FlywayException || e.getCause() instanceof java.sql.SQLException
                || e instanceof com.zaxxer.hikari.pool.HikariPool.PoolInitializationException) {
                cmd.getErr().println("haven: cannot open the database: " + e.getMessage());
                cmd.getErr().println("  (with the embedded database, only one Haven process can use a data directory at a time)");
                return 3;
            }
            throw e;
        });
        return cli;
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
