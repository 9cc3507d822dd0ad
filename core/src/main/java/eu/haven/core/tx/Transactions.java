package eu.haven.core.tx;

import java.util.function.Supplier;

/** Runs work in one database transaction; nested calls join the outer one. */
public interface Transactions {
    <T> T inTransaction(Supplier<T> work);

    /**
     * Runs reads on one connection without a transaction of their own: several queries in a row
     * cost one connection checkout instead of one each. Nested calls join the outer one.
     */
    default <T> T reading(Supplier<T> work) {
        return work.get();
    }

    default void run(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
