package eu.haven.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import eu.haven.core.tx.Transactions;
import java.util.ArrayList;
import java.util.List;
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
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final ThreadLocal<Handle> current = new ThreadLocal<>();
    private final ThreadLocal<List<UUID>> changedInTransaction = new ThreadLocal<>();
    private final List<Consumer<UUID>> changeListeners = new CopyOnWriteArrayList<>();

    private final boolean postgres;
    private java.sql.Connection writerLock;

    private Database(HikariDataSource dataSource, boolean postgres) {
        this.postgres = postgres;
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
        if (config.url().startsWith("jdbc:postgresql:")) {
            hikari.addDataSourceProperty("reWriteBatchedInserts", "true");
        }
        HikariDataSource ds = new HikariDataSource(hikari);
        try {
            var flyway = Flyway.configure().dataSource(ds).locations("classpath:db/migration");
            config.schema().ifPresent(s -> flyway.schemas(s).defaultSchema(s).createSchemas(true));
            flyway.load().migrate();
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
        return new Database(ds, config.url().startsWith("jdbc:postgresql:"));
    }

    /** Whether this is PostgreSQL (else the embedded H2). */
    public boolean postgres() {
        return postgres;
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
        if (writerLock != null) {
            try {
                writerLock.close();
            } catch (java.sql.SQLException e) {
                // closing the pool below ends the session, and its lock, anyway
            }
        }
        dataSource.close();
    }

    /**
     * Makes this process the one writer of the ledger in this database (schema), for as long as
     * this {@code Database} is open; false when another process already is. On PostgreSQL a
     * session advisory lock held on a connection of its own; the embedded database is opened by one
     * process at a time anyway.
     */
    public synchronized boolean claimLedgerWriter() {
        if (!postgres || writerLock != null) {
            return true;
        }
        try {
            java.sql.Connection c = dataSource.getConnection();
            try (java.sql.PreparedStatement st = c.prepareStatement("SELECT pg_try_advisory_lock(hashtext('haven-ledger:' || current_schema()))");
                 java.sql.ResultSet rs = st.executeQuery()) {
                if (rs.next() && rs.getBoolean(1)) {
                    writerLock = c;
                    return true;
                }
            }
            c.close();
            return false;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot take the ledger's writer lock: " + e.getSQLState(), e);
        }
    }
}
