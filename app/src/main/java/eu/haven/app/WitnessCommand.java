package eu.haven.app;

import eu.haven.ledger.Cosigner;
import eu.haven.ledger.NoteSigner;
import eu.haven.ledger.NoteVerifier;
import eu.haven.ledger.TrustedKeys;
import eu.haven.ledger.Witness;
import eu.haven.store.FileWitnessState;
import eu.haven.store.SecureFiles;
import io.javalin.Javalin;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code haven witness}: a small server an independent body (the data protection authority, an NGO
 * coalition) runs. It follows the Haven ledgers whose keys it is given, keeps the latest checkpoint it
 * cosigned of each, and cosigns a new one only with a valid consistency proof (c2sp.org/tlog-witness);
 * a fork is refused and kept as evidence in its state folder. Its key is made on first start, and
 * its vkey printed for the logs and verifiers to configure.
 */
@Command(mixinStandardHelpOptions = true, name = "witness", description = "Run a transparency-log witness for Haven ledgers "
    + "(c2sp.org/tlog-witness): POST /add-checkpoint cosigns a checkpoint consistent with the last one it cosigned.")
public final class WitnessCommand implements Callable<Integer> {
    @Option(names = "--name", required = true, description = "The witness's name, a URL without scheme, e.g. dpa.example-land.eu/witness.")
    String name;
    @Option(names = "--state", defaultValue = "witness", description = "Folder of its key, the latest checkpoints and evidence (default ./witness).")
    Path state;
    @Option(names = "--log", description = "A ledger's verifier key (haven ledger vkey); repeat for more logs, or for a log's keys "
        + "before and after a rotation.")
    List<String> logs = new java.util.ArrayList<>();
    @Option(names = "--log-keys", description = "A ledger's trusted-keys file (written by haven ledger rotate-key): its keys, each for "
        + "the tree sizes it signs; repeat for more logs.")
    List<Path> logKeys = new java.util.ArrayList<>();
    @Option(names = "--port", defaultValue = "8090", description = "Port (default 8090).")
    int port;
    @Option(names = "--bind", defaultValue = "127.0.0.1", description = "Address to listen on (default 127.0.0.1).")
    String bind;

    /** The witness's key: made on first start, kept owner-only in the state folder. */
    public static Cosigner key(Path state, String name) throws IOException {
        SecureFiles.ensureDirectory(state);
        Path file = state.resolve("witness.key");
        if (!Files.exists(file)) {
            KeyPair k = NoteSigner.generate();
            SecureFiles.writeAtomically(file, (name + "\n" + Base64.getEncoder().encodeToString(k.getPrivate().getEncoded()) + "\n"
                + Base64.getEncoder().encodeToString(k.getPublic().getEncoded()) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        String[] lines = Files.readString(file, StandardCharsets.UTF_8).split("\n");
        if (!lines[0].equals(name)) {
            throw new ConfigurationException("The witness key in " + file + " belongs to '" + lines[0] + "', not '" + name + "'.");
        }
        return Cosigner.fromPkcs8(name, Base64.getDecoder().decode(lines[1]), Base64.getDecoder().decode(lines[2]));
    }

    /** Starts the witness's server; returns it running. */
    public static Javalin start(Witness witness, String bind, int port) {
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jetty.addConnector((server, http) -> {
                org.eclipse.jetty.server.ServerConnector connector = new org.eclipse.jetty.server.ServerConnector(server,
                    new org.eclipse.jetty.server.HttpConnectionFactory(http));
                connector.setHost(bind);
                connector.setPort(port);
                return connector;
            });
            config.routes.post("/add-checkpoint", ctx -> {
                Witness.Answer a = witness.addCheckpoint(ctx.body());
                ctx.status(a.status()).contentType(a.contentType()).result(a.body());
            });
        });
        app.start();
        return app;
    }

    @Override
    public Integer call() throws Exception {
        if (logs.isEmpty() && logKeys.isEmpty()) {
            System.err.println("Name at least one log to follow: --log VKEY or --log-keys FILE.");
            return 2;
        }
        Cosigner key = key(state, name);
        // Keys given with --log count for every size; several for one log are its keys before and after a rotation.
        Map<String, TrustedKeys> followed = new HashMap<>();
        logs.stream().collect(java.util.stream.Collectors.groupingBy(vkey -> NoteVerifier.fromVkey(vkey).name()))
            .forEach((origin, vkeys) -> followed.put(origin, TrustedKeys.anyOf(vkeys)));
        for (Path file : logKeys) {
            TrustedKeys k = TrustedKeys.parse(java.nio.file.Files.readString(file));
            followed.put(k.name(), k);
        }
        Witness witness = Witness.following(key, followed, new FileWitnessState(state, Clock.systemUTC()), Clock.systemUTC());
        Javalin app = start(witness, bind, port);
        System.out.println("Witness " + name + " on " + bind + ":" + app.port() + ", following " + followed.keySet());
        System.out.println("Its key, for the logs and the verifiers: " + key.vkey());
        Thread.currentThread().join();
        return 0;
    }
}
