package eu.haven.store;

import java.util.UUID;

class H2RepositoryTest extends RepositoryContract {
    @Override
    protected DatabaseConfig config() {
        return DatabaseConfig.h2Memory("repo-" + UUID.randomUUID());
    }
}
