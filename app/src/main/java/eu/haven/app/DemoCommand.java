package eu.haven.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(mixinStandardHelpOptions = true, name = "demo", description = "Start Haven with the demo city's organisations and staff (demo only: known passwords).")
public final class DemoCommand implements Callable<Integer> {
    @Mixin
    ServerOptions options;

    /**
     * The demo's installation: a data directory it created itself (it refuses any other, since it
     * adds accounts with a public password), with a ledger name of its own, so that two demos are
     * never taken for one ledger that changed.
     */
    static HavenConfig demo(HavenConfig config) {
        Path marker = config.dataDir().resolve(Installation.DEMO_MARKER);
        if (Installation.exists(config) && !Files.exists(marker)) {
            throw new ConfigurationException("The data directory " + config.dataDir() + " holds an installation the demo did not "
                + "create. The demo adds accounts whose password is public, so it runs only in a directory of its own: "
                + "give --data-dir a new folder (the default is ./data/demo).");
        }
        try {
            eu.haven.store.SecureFiles.ensureDirectory(config.dataDir());
            if (!Files.exists(marker)) {
                Files.writeString(marker, "This data directory was made by 'haven demo'. Demo accounts have public passwords.\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the demo's data directory " + config.dataDir(), e);
        }
        if (config.ledger().origin().isEmpty() && !Files.exists(config.ledger().keyFile())) {
            byte[] id = new byte[4];
            eu.haven.core.crypto.Randomness.fill(id);
            String name = "demo-" + java.util.HexFormat.of().formatHex(id) + ".haven.localhost/access";
            return config.withLedger(new HavenConfig.LedgerConfig(Optional.of(name), config.ledger().keyFile(),
                config.ledger().checkpointInterval()));
        }
        return config;
    }

    @Override
    public Integer call() throws InterruptedException {
        HavenConfig base = options.config(Path.of("data", "demo"), "127.0.0.1");
        ServerOptions.requireFreePort(base.bind(), base.port());
        HavenConfig config = demo(base);
        Haven haven = new Haven(config);
        DemoData.seed(haven.staffAdmin());
        DemoData.directory(haven.navigator());
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
