package eu.haven.app;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "demo", description = "Start Haven with the demo city's organisations and staff (demo only: known passwords).")
public final class DemoCommand implements Callable<Integer> {
    @Mixin
    ServerOptions options;

    @Override
    public Integer call() throws InterruptedException {
        HavenConfig config = options.config(Path.of("data", "demo"), "127.0.0.1");
        Haven haven = new Haven(config);
        DemoData.seed(haven.staffAdmin());
        haven.start();
        String bar = "!".repeat(72);
        System.out.println(bar);
        System.out.println("!!  DEMO ONLY. Every account below has the password '" + DemoData.PASSWORD + "'.");
        System.out.println("!!  Never put real people's data into a demo installation.");
        System.out.println(bar);
        for (DemoData.DemoUser u : DemoData.USERS) {
            System.out.printf("   %-16s %-26s %s%n", u.username(), u.organisation(), u.role().code());
        }
        System.out.println();
        System.out.println("Haven demo is running: " + ServerOptions.where(config.bind(), haven.port()) + " (data in " + config.dataDir() + ")");
        haven.awaitShutdown();
        return 0;
    }
}
