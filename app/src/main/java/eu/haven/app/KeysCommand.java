package eu.haven.app;

import eu.haven.store.MasterKeyRotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(mixinStandardHelpOptions = true, name = "keys", description = "The installation's keys.",
    subcommands = {KeysCommand.RotateMaster.class})
public final class KeysCommand implements Runnable {
    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    @Command(mixinStandardHelpOptions = true, name = "rotate-master", description = "Re-wrap every person's data key under a new "
        + "master key, while the server runs (it reads the master key file again when it changes). Run it as the user the server "
        + "runs as. An interrupted rotation resumes when run again. Then put the new master key file away and destroy the old "
        + "copies (docs/BACKUP.md).")
    static final class RotateMaster implements Callable<Integer> {
        @Mixin
        ServerOptions options;
        @Option(names = "--settle", defaultValue = "PT2S", description = "Pause between passes over the key store, so that a key a "
            + "server wrapped just before it saw the new file is caught by the next pass (default PT2S).")
        Duration settle;

        @Override
        public Integer call() throws Exception {
            HavenConfig config = options.config(Path.of("data"));
            if (!Files.exists(config.masterKeyFile())) {
                System.err.println("There is no master key at " + config.masterKeyFile() + ": point --master-key (HAVEN_MASTER_KEY_FILE) "
                    + "at the installation's master key.");
                return 2;
            }
            long started = System.nanoTime();
            Optional<MasterKeyRotation.Result> result;
            try {
                result = new MasterKeyRotation(config.masterKeyFile(), config.keyStoreDir(), settle).rotate();
            } catch (MasterKeyRotation.Unfinished e) {
                System.err.println("The rotation did not finish: " + e.getMessage());
                return 4;
            }
            if (result.isEmpty()) {
                System.err.println("Another rotation is running on this key store; let it finish.");
                return 3;
            }
            MasterKeyRotation.Result r = result.get();
            System.out.printf("Rotated the master key from generation %d to %d: re-wrapped %,d person keys of %,d (%.1f s). The file %s "
                + "now holds only the new wrapping key.%n", r.from(), r.to(), r.rewrapped(), r.people(), (System.nanoTime() - started) / 1e9,
                config.masterKeyFile());
            System.out.println("Put the new master key file away offline now, and destroy every copy of the old one and every key-store "
                + "copy taken before this rotation (docs/BACKUP.md).");
            return 0;
        }
    }
}
