package eu.haven.app;

import eu.haven.store.DatabaseConfig;
import eu.haven.store.SecureFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Optional;

/**
 * An installation on disk: the data directory (owner-only), the embedded database and its
 * password (kept with the keys, not with the data), and whether there is anything there yet.
 */
final class Installation {
    /** Written into a data directory the demo created; the demo refuses any other. */
    static final String DEMO_MARKER = "DEMO-INSTALLATION";
    private static final String PASSWORD_FILE = "database.password";

    private Installation() {}

    /** The file of the embedded database, if the installation uses one. */
    static Optional<Path> embeddedFile(HavenConfig c) {
        return c.database().url().startsWith("jdbc:h2:file:")
            ? Optional.of(c.dataDir().resolve("db").resolve("haven.mv.db")) : Optional.empty();
    }

    /** Whether anything of an installation is there: its embedded database or its ledger key. */
    static boolean exists(HavenConfig c) {
        return embeddedFile(c).map(Files::exists).orElse(false) || Files.exists(c.ledger().keyFile());
    }

    /**
     * For a server: makes the data directory and the database's folder owner-only, gives a new
     * embedded database a random password kept beside the master key (and an old one without a
     * password one now), and returns the database configuration to open.
     */
    static DatabaseConfig prepare(HavenConfig c) {
        try {
            SecureFiles.ensureDirectory(c.dataDir());
            SecureFiles.restrict(c.dataDir());
            if (embeddedFile(c).isEmpty() || !c.database().password().isEmpty()) {
                return c.database();
            }
            Path db = c.dataDir().resolve("db");
            SecureFiles.ensureDirectory(db);
            SecureFiles.restrict(db);
            Path file = passwordFile(c);
            if (Files.exists(file)) {
                return withPassword(c, read(file));
            }
            String password = random();
            if (Files.exists(embeddedFile(c).get())) {
                setPassword(c.database(), password);
            }
            SecureFiles.writeAtomically(file, (password + "\n").getBytes(StandardCharsets.US_ASCII));
            return withPassword(c, password);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the data directory " + c.dataDir(), e);
        }
    }

    /**
     * For commands that only read: the installation must be there; nothing is created. Throws
     * {@link NoInstallation} otherwise.
     */
    static DatabaseConfig existing(HavenConfig c) {
        if (!exists(c)) {
            throw new NoInstallation("There is no Haven installation in " + c.dataDir() + " (no database and no ledger key "
                + c.ledger().keyFile() + "). Give the installation's --data-dir, or --db-url and --ledger-key.");
        }
        if (embeddedFile(c).isEmpty() || !c.database().password().isEmpty() || !Files.exists(passwordFile(c))) {
            return c.database();
        }
        try {
            return withPassword(c, read(passwordFile(c)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + passwordFile(c), e);
        }
    }

    /** The embedded database's files, once it has made them, readable by their owner only. */
    static void restrictDatabaseFiles(HavenConfig c) {
        if (embeddedFile(c).isPresent()) {
            try {
                SecureFiles.restrict(c.dataDir().resolve("db"));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot restrict the database files in " + c.dataDir(), e);
            }
        }
    }

    /** A warning for the operator when the master key sits with the data it protects. */
    static Optional<String> masterKeyWarning(HavenConfig c) {
        Path key = c.masterKeyFile().toAbsolutePath().normalize();
        return key.startsWith(c.dataDir())
            ? Optional.of("The master key " + key + " lies inside the data directory: a copy of the directory opens everything. "
                + "Keep it elsewhere (--master-key or HAVEN_MASTER_KEY_FILE on another volume, readable by Haven only).")
            : Optional.empty();
    }

    static Path passwordFile(HavenConfig c) {
        return c.masterKeyFile().toAbsolutePath().resolveSibling(PASSWORD_FILE);
    }

    /** A command was pointed at a place with no installation. */
    static final class NoInstallation extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NoInstallation(String message) {
            super(message);
        }
    }

    /**
     * Refuses to start with a new master key over data sealed under another one: a copy of the
     * data directory without its master key must open nothing, not quietly start afresh. Call
     * before the database is opened and again after, when {@code holdsPersons} can ask it; it is
     * asked only when the master key is new.
     */
    static void requireMasterKeyOf(HavenConfig c, boolean masterKeyIsNew, java.util.function.BooleanSupplier holdsPersons) {
        if (!masterKeyIsNew) {
            return;
        }
        boolean keys;
        try (var list = Files.exists(c.keyStoreDir()) ? Files.list(c.keyStoreDir()) : java.util.stream.Stream.<Path>empty()) {
            keys = list.findAny().isPresent();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the key folder " + c.keyStoreDir(), e);
        }
        if (keys || holdsPersons.getAsBoolean()) {
            throw new ConfigurationException("The master key " + c.masterKeyFile() + " is missing, but this installation holds "
                + "data sealed under one. Without it nothing can be read. Point --master-key (HAVEN_MASTER_KEY_FILE) at the "
                + "installation's master key.");
        }
    }

    private static DatabaseConfig withPassword(HavenConfig c, String password) {
        DatabaseConfig d = c.database();
        return new DatabaseConfig(d.url(), d.user(), password, d.schema(), d.poolSize());
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.US_ASCII).trim();
    }

    private static String random() {
        byte[] raw = new byte[24];
        new SecureRandom().nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    /** An embedded database created before it had a password gets one. */
    private static void setPassword(DatabaseConfig d, String password) {
        try (Connection conn = DriverManager.getConnection(d.url(), d.user(), d.password()); Statement st = conn.createStatement()) {
            st.execute("ALTER USER " + d.user() + " SET PASSWORD '" + password + "'");
        } catch (SQLException e) {
            throw new ConfigurationException("The embedded database in " + d.url().replaceAll(";.*", "") + " cannot be opened: "
                + "it has a password, kept beside the installation's master key (" + PASSWORD_FILE + "). Point --master-key "
                + "(HAVEN_MASTER_KEY_FILE) at the installation's master key.");
        }
    }
}
