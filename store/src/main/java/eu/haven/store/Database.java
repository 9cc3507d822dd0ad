package eu.haven.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import eu.haven.core.tx.Transactions;
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

    private Database(HikariDataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
    }

    /** Opens the pool and brings the schema up to date. */
    public static Database open(DatabaseConfig config) {
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(config.url());
        hikari.setUsername(config.user());
        hikari.setPassword(config.password());
        hikari.setMaximumPoolSize(Integer.getInteger("haven.db.pool", 16));
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
        return new Database(ds);
    }

    public <T> T with(HandleCallback<T, RuntimeException> work) {
        Handle handle = current.get();
        return handle != null ? work.withHandle(handle) : jdbi.withHandle(work);
    }

    /** Runs outside any transaction of this thread, committing at once: for the access log. */
    public <T> T autonomous(HandleCallback<T, RuntimeException> work) {
        return jdbi.withHandle(work);
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
        try (Handle handle = jdbi.open()) {
            current.set(handle);
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
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
