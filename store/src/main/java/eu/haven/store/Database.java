package eu.haven.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import eu.haven.core.tx.Transactions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

/**
 * The connection pool, migrations and JDBI. Repositories run their statements through
 * {@link #with}, which joins the transaction of the current thread when there is one.
 */
public final class Database implements Transactions, AutoCloseable {
    static {
        // H2 shares equal values through a cache by default: every value it reads or writes is hashed and looked up, the
        // ledger's entries and salts too, which never repeat (about 8% of the sequencer's time in a flight recording).
        if (System.getProperty("h2.objectCache") == null) {
            System.setProperty("h2.objectCache", "false");
        }
    }

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final ThreadLocal<Handle> current = new ThreadLocal<>();
    private final ThreadLocal<List<UUID>> changedInTransaction = new ThreadLocal<>();
    private final List<Consumer<UUID>> changeListeners = new CopyOnWriteArrayList<>();

    private final boolean postgres;
    private java.sql.Connection serversLock;
    private java.sql.Connection jobsLock;

    private final DatabaseConfig config;

    private Database(HikariDataSource dataSource, DatabaseConfig config) {
        this.config = config;
        this.postgres = isPostgres(config);
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
    }

    /** Opens the pool and brings the schema up to date. */
    public static Database open(DatabaseConfig config) {
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(config.url());
        hikari.setUsername(config.user());
        hikari.setPassword(config.password());
        hikari.setMaximumPoolSize(config.poolSize());
        hikari.setPoolName("haven");
        config.schema().ifPresent(hikari::setSchema);
        if (isPostgres(config)) {
            hikari.addDataSourceProperty("reWriteBatchedInserts", "true");
        }
        HikariDataSource ds = new HikariDataSource(hikari);
        try {
            // PostgreSQL, which several servers may share, adds triggers that tell them of each other's changes.
            var flyway = Flyway.configure().dataSource(ds).locations(isPostgres(config)
                ? new String[] {"classpath:db/migration", "classpath:db/postgresql"} : new String[] {"classpath:db/migration"});
            config.schema().ifPresent(s -> flyway.schemas(s).defaultSchema(s).createSchemas(true));
            flyway.load().migrate();
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
        return new Database(ds, config);
    }

    private static boolean isPostgres(DatabaseConfig config) {
        return config.url().startsWith("jdbc:postgresql:");
    }

    /** Whether this is PostgreSQL (else the embedded H2). */
    public boolean postgres() {
        return postgres;
    }

    /**
     * Whether other servers may share this database: on PostgreSQL. What a server keeps in memory about a person is
     * then checked against the person's version ({@link #personVersion}) before use, and the ledger's appends are
     * serialised by the database. The embedded database is opened by one process only.
     */
    public boolean shared() {
        return postgres;
    }

    /**
     * The person's version, raised in the same transaction by every change to their records, relationships,
     * consents and referrals (database triggers, so whichever server, or SQL by hand, made it); empty when the person
     * does not exist.
     */
    Optional<Long> personVersion(UUID personId) {
        // Plain JDBC: it runs before every use of a kept value, and a JDBI handle cost more than the query.
        try (java.sql.Connection c = dataSource.getConnection();
             java.sql.PreparedStatement st = c.prepareStatement("SELECT version FROM persons WHERE id = ?")) {
            st.setObject(1, personId);
            try (java.sql.ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        } catch (java.sql.SQLException e) {
            throw new org.jdbi.v3.core.ConnectionException(e);
        }
    }

    public <T> T with(HandleCallback<T, RuntimeException> work) {
        Handle handle = current.get();
        return handle != null ? work.withHandle(handle) : jdbi.withHandle(work);
    }

    /** Runs outside any transaction of this thread, committing at once: for the access log. */
    public <T> T autonomous(HandleCallback<T, RuntimeException> work) {
        return jdbi.withHandle(work);
    }

    /**
     * Listens to changes of what the access decision knows of a person (the person, consents,
     * referrals, relationships): told at once and again when the transaction ends, so that a cache
     * filled from a snapshot taken before the commit cannot outlive it.
     */
    public void onPersonChange(Consumer<UUID> listener) {
        changeListeners.add(listener);
    }

    /** Called by the repositories on every write of the person's decision facts. */
    void personChanged(UUID personId) {
        tell(personId);
        List<UUID> pending = changedInTransaction.get();
        if (pending != null) {
            pending.add(personId);
        }
    }

    /** Whether this thread is inside a transaction, whose reads may see its own uncommitted writes. */
    boolean inTransactionNow() {
        return changedInTransaction.get() != null;
    }

    private void tell(UUID personId) {
        for (Consumer<UUID> listener : changeListeners) {
            listener.accept(personId);
        }
    }

    @Override
    public <T> T reading(Supplier<T> work) {
        if (current.get() != null) {
            return work.get();
        }
        try (Handle handle = jdbi.open()) {
            current.set(handle);
            return work.get();
        } finally {
            current.remove();
        }
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (current.get() != null) {
            return work.get();
        }
        List<UUID> changed = new ArrayList<>();
        try (Handle handle = jdbi.open()) {
            current.set(handle);
            changedInTransaction.set(changed);
            handle.begin();
            try {
                T result = work.get();
                handle.commit();
                return result;
            } catch (RuntimeException | Error e) {
                handle.rollback();
                throw e;
            }
        } finally {
            current.remove();
            changedInTransaction.remove();
            changed.forEach(this::tell);
        }
    }

    @Override
    public void close() {
        for (java.sql.Connection lock : new java.sql.Connection[] {serversLock, jobsLock}) {
            if (lock != null) {
                try {
                    lock.close();
                } catch (java.sql.SQLException e) {
                    // closing the pool below ends the session, and its lock, anyway
                }
            }
        }
        dataSource.close();
    }

    /**
     * Joins the servers of this database (schema) for as long as this {@code Database} is open: a shared session
     * advisory lock on PostgreSQL, held on a connection of its own, so that any number of servers run together;
     * with {@code alone}, the lock is exclusive instead, for a command that must run with every server stopped (a
     * ledger key rotation, accepting a rollback). False when that cannot be had: a server runs and {@code alone} was
     * asked, or such a command runs. The embedded database is opened by one process at a time anyway.
     */
    public synchronized boolean joinServers(boolean alone) {
        if (!postgres || serversLock != null) {
            return true;
        }
        Optional<java.sql.Connection> held = advisoryLock(alone ? "pg_try_advisory_lock" : "pg_try_advisory_lock_shared", "haven-servers:");
        held.ifPresent(c -> serversLock = c);
        return held.isPresent();
    }

    /**
     * Whether this server runs the jobs one server at a time should (retention, alerts, indexing names): the first
     * to ask holds a session advisory lock until it stops, and another server takes over at its next try when it dies.
     * Always true on the embedded database.
     */
    public synchronized boolean leadsJobs() {
        if (!postgres || jobsLock != null) {
            return true;
        }
        Optional<java.sql.Connection> held = advisoryLock("pg_try_advisory_lock", "haven-jobs:");
        held.ifPresent(c -> jobsLock = c);
        return held.isPresent();
    }

    private Optional<java.sql.Connection> advisoryLock(String function, String name) {
        try {
            // A connection of its own, outside the pool: a lock held for the server's life must not take one of its workers.
            java.sql.Connection c = java.sql.DriverManager.getConnection(config.url(), config.user(), config.password());
            config.schema().ifPresent(schema -> {
                try {
                    c.setSchema(schema);
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException("cannot use the schema " + schema + ": " + e.getSQLState(), e);
                }
            });
            try (java.sql.PreparedStatement st = c.prepareStatement("SELECT " + function + "(hashtext('" + name + "' || current_schema()))");
                 java.sql.ResultSet rs = st.executeQuery()) {
                if (rs.next() && rs.getBoolean(1)) {
                    return Optional.of(c);
                }
            }
            c.close();
            return Optional.empty();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot take a lock of this database: " + e.getSQLState(), e);
        }
    }
}
