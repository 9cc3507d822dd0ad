package eu.haven.app;

import eu.haven.core.framework.Firewall;
import eu.haven.core.framework.Framework;
import eu.haven.core.framework.FrameworkLoader;
import eu.haven.core.framework.Grant;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(mixinStandardHelpOptions = true, name = "framework", description = "Check a data-sharing framework file before publishing it.",
    subcommands = FrameworkCommand.Check.class)
public final class FrameworkCommand implements Runnable {
    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    @Command(mixinStandardHelpOptions = true, name = "check", description = "Validate FILE; exit 2 with every problem named if Haven would refuse it.")
    static final class Check implements Callable<Integer> {
        @Parameters(paramLabel = "FILE")
        Path file;

        @Override
        public Integer call() {
            Framework f = new FrameworkLoader(Firewall.bundled()).load(file);
            System.out.println("Framework " + f.id() + " version " + f.version() + " is valid.");
            System.out.println("  " + f.organisationTypes().size() + " organisation types, " + f.purposes().size()
                + " purposes, " + f.categories().size() + " categories, " + f.grants().size() + " grants.");
            for (Grant g : f.grants()) {
                System.out.println("  " + g.organisationType() + ": " + g.categories() + " for " + g.purposes());
            }
            return 0;
        }
    }
}
