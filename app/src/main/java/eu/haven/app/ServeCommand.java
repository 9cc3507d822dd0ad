package eu.haven.app;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(mixinStandardHelpOptions = true, name = "serve", description = "Start Haven without demo data. Create organisations and users with 'haven admin'.")
public final class ServeCommand implements Callable<Integer> {
    @Mixin
    ServerOptions options;

    @Override
    public Integer call() throws InterruptedException {
        HavenConfig config = options.config(Path.of("data"), "0.0.0.0");
        ServerOptions.requireFreePort(config.bind(), config.port());
        Haven haven = new Haven(config).start();
        System.out.println("Haven is running: " + ServerOptions.where(config.bind(), haven.port()) + " (data in " + config.dataDir() + ")");
        haven.awaitShutdown();
        return 0;
    }
}
