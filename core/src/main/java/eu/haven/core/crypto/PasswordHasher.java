package eu.haven.core.crypto;

import eu.haven.core.error.ErrorCode;
import eu.haven.core.error.RetryLater;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id (BouncyCastle) in the PHC string format
 * {@code $argon2id$v=19$m=<KiB>,t=<passes>,p=<lanes>$<salt>$<hash>}, unpadded base64.
 */
public final class PasswordHasher {
    /** OWASP's recommended minimum: 19 MiB, 2 passes, 1 lane. */
    public static final PasswordHasher DEFAULT = new PasswordHasher(19 * 1024, 2, 1);
    private static final Pattern PHC =
        Pattern.compile("\\$argon2id\\$v=19\\$m=(\\d+),t=(\\d+),p=(\\d+)\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    /** How long a hash waits for a turn before the caller is told the server is busy. */
    private static final long WAIT_MS = 2000;
    private final int memoryKiB;
    private final int iterations;
    private final int parallelism;
    private final Semaphore turns;

    public PasswordHasher(int memoryKiB, int iterations, int parallelism) {
        this(memoryKiB, iterations, parallelism, defaultConcurrency(memoryKiB));
    }

    public PasswordHasher(int memoryKiB, int iterations, int parallelism, int concurrency) {
        this.memoryKiB = memoryKiB;
        this.iterations = iterations;
        this.parallelism = parallelism;
        this.turns = new Semaphore(concurrency, true);
    }

    /**
     * How many hashes may run at once: each needs {@code memoryKiB}; at most a quarter of the heap
     * goes to them, and no more run than twice the processors, which is all they can use.
     */
    public static int defaultConcurrency(int memoryKiB) {
        long byHeap = Runtime.getRuntime().maxMemory() / 4 / (memoryKiB * 1024L);
        return (int) Math.max(1, Math.min(byHeap, 2L * Runtime.getRuntime().availableProcessors()));
    }

    /**
     * A hash to verify against when there is no account or code to check, so that a wrong name takes as long as a
     * wrong password. It is made on a thread of its own (a server need not wait for it to start); the first sign-in
     * that needs it waits until it is there.
     */
    public java.util.function.Supplier<String> decoy(String secret) {
        java.util.concurrent.CompletableFuture<String> made = java.util.concurrent.CompletableFuture.supplyAsync(() -> hash(secret),
            r -> Thread.ofPlatform().daemon().name("decoy-hash").start(r));
        return made::join;
    }

    public String hash(String secret) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        byte[] out = compute(secret, salt, memoryKiB, iterations, parallelism, 32);
        return "$argon2id$v=19$m=" + memoryKiB + ",t=" + iterations + ",p=" + parallelism + "$"
            + B64.encodeToString(salt) + "$" + B64.encodeToString(out);
    }

    public boolean verify(String secret, String phc) {
        Matcher m = PHC.matcher(phc);
        if (!m.matches()) {
            return false;
        }
        byte[] expected = B64D.decode(m.group(5));
        byte[] actual = compute(secret, B64D.decode(m.group(4)), Integer.parseInt(m.group(1)),
            Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    /**
     * Runs one Argon2id computation when a turn is free, waiting at most two seconds; then answers
     * {@code busy} (503 with {@code Retry-After}) rather than exhaust the memory.
     */
    private byte[] compute(String secret, byte[] salt, int memory, int passes, int lanes, int length) {
        boolean got;
        try {
            got = turns.tryAcquire(WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            got = false;
        }
        if (!got) {
            throw new RetryLater(ErrorCode.BUSY, "The server is busy checking other sign-ins. Try again in a moment.", Duration.ofSeconds(1));
        }
        try {
            return argon2(secret, salt, memory, passes, lanes, length);
        } finally {
            turns.release();
        }
    }

    private static byte[] argon2(String secret, byte[] salt, int memory, int passes, int lanes, int length) {
        Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withMemoryAsKB(memory).withIterations(passes).withParallelism(lanes).withSalt(salt).build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(params);
        byte[] out = new byte[length];
        generator.generateBytes(secret.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }
}
