package eu.haven.app;

import eu.haven.core.admin.StaffAdmin;
import eu.haven.core.access.AccessGuard;
import eu.haven.core.access.Recorder;
import eu.haven.core.consent.Guardianship;
import eu.haven.core.correction.CorrectionService;
import eu.haven.core.erasure.ErasureService;
import eu.haven.core.person.Profiles;
import eu.haven.core.retention.RetentionJob;
import eu.haven.core.rights.PersonSessions;
import eu.haven.core.rights.RightsService;
import eu.haven.store.JdbcCorrectionRepository;
import eu.haven.store.JdbcErasureRepository;
import eu.haven.store.JdbcPersonSessionRepository;
import eu.haven.core.audit.Ledger;
import eu.haven.core.audit.LedgerStore;
import eu.haven.core.consent.ConsentService;
import eu.haven.core.crypto.KeyedHash;
import eu.haven.core.crypto.MasterKey;
import eu.haven.core.crypto.PasswordHasher;
import eu.haven.core.crypto.PersonKeys;
import eu.haven.core.framework.DpvTaxonomy;
import eu.haven.core.framework.Firewall;
import eu.haven.core.framework.Framework;
import eu.haven.core.framework.FrameworkLoader;
import eu.haven.core.framework.PurposeResolver;
import eu.haven.core.person.PersonService;
import eu.haven.core.alert.AlertService;
import eu.haven.core.code.CodeReplacementService;
import eu.haven.store.JdbcAlertRepository;
import eu.haven.store.JdbcCodeRequestRepository;
import eu.haven.core.policy.PolicyEngine;
import eu.haven.core.record.RecordService;
import eu.haven.core.referral.ReferralService;
import eu.haven.core.staff.AuthService;
import eu.haven.store.Database;
import eu.haven.store.FilePersonKeyStore;
import eu.haven.store.FileCheckpointMirror;
import eu.haven.store.JdbcLedgerStore;
import eu.haven.store.LedgerKeyFile;
import eu.haven.store.JdbcConsentRepository;
import eu.haven.store.JdbcOrganisationRepository;
import eu.haven.store.JdbcPersonFactsRepository;
import eu.haven.store.JdbcPersonRepository;
import eu.haven.store.JdbcRecordRepository;
import eu.haven.store.JdbcReferralRepository;
import eu.haven.store.JdbcRelationshipRepository;
import eu.haven.store.JdbcStaffRepository;
import eu.haven.store.JdbcTokenRepository;
import eu.haven.store.MasterKeyFile;
import eu.haven.web.ApiServices;
import eu.haven.web.ClientAddress;
import eu.haven.web.HavenApi;
import io.javalin.Javalin;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.function.UnaryOperator;

/** Wires one installation: framework, database, keys, services and, when started, the HTTP server. */
public final class Haven implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Haven.class);
    private final HavenConfig config;
    private final Framework framework;
    private final Firewall firewall;
    private final Database db;
    private final Ledger ledger;
    private final StaffAdmin staffAdmin;
    private final ApiServices api;
    private final eu.haven.core.caseload.CaseloadService caseload;
    private final PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final ErasureService erasure;
    private final Recorder recorder;
    private final RetentionJob retention;
    private final eu.haven.core.authority.AuthorityRequestService authority;
    private final eu.haven.core.alert.AlertJob alertJob;
    private final WitnessSubmitter witnesses;
    private final eu.haven.core.transparency.TransparencyService transparency;
    private Optional<Javalin> server = Optional.empty();
    private Optional<ScheduledExecutorService> scheduler = Optional.empty();
    /** The witnesses' own thread: a witness that is slow or down never holds up retention or the access watch. */
    private Optional<ScheduledExecutorService> witnessing = Optional.empty();
    /** The access watch's own thread, on a lone server (it runs ten times a second), and whether its last run failed. */
    private Optional<ScheduledExecutorService> watching = Optional.empty();
    private boolean watchFailing;

    public Haven(HavenConfig config) {
        this(config, UnaryOperator.identity());
    }

    /** {@code ledgerStoreDecorator} wraps the ledger's store (tests use it to make the store fail). */
    public Haven(HavenConfig config, UnaryOperator<LedgerStore> ledgerStoreDecorator) {
        this(config, ledgerStoreDecorator, false);
    }

    /**
     * Haven for a command that must run with every server of the installation stopped (a ledger key rotation,
     * accepting a rollback): refused while one runs, and no server starts until it is closed.
     */
    static Haven alone(HavenConfig config) {
        return new Haven(config, UnaryOperator.identity(), true);
    }

    private Haven(HavenConfig config, UnaryOperator<LedgerStore> ledgerStoreDecorator, boolean alone) {
        this.config = config;
        long began = System.nanoTime();
        this.firewall = Firewall.bundled();
        FrameworkLoader loader = new FrameworkLoader(firewall);
        this.framework = config.frameworkFile().map(loader::load).orElseGet(loader::loadDemo);
        boolean newMasterKey = !java.nio.file.Files.exists(config.masterKeyFile());
        Installation.requireMasterKeyOf(config, newMasterKey, () -> false);
        this.db = Database.open(Installation.prepare(config));
        try {
            Installation.restrictDatabaseFiles(config);
            Installation.requireMasterKeyOf(config, newMasterKey, () -> db.autonomous(h ->
                h.createQuery("SELECT 1 FROM persons FETCH FIRST 1 ROWS ONLY").mapTo(Integer.class).findOne().isPresent()));
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        Installation.masterKeyWarning(config).ifPresent(LOG::warn);
        java.util.function.Supplier<MasterKey> masterFile = MasterKeyFile.watched(config.masterKeyFile());
        MasterKey master = masterFile.get();
        PersonKeys keys = new PersonKeys(masterFile, new FilePersonKeyStore(config.keyStoreDir(), db.shared()));
        var organisations = new JdbcOrganisationRepository(db);
        var staff = new JdbcStaffRepository(db);
        var persons = new JdbcPersonRepository(db);
        var relationships = new JdbcRelationshipRepository(db);
        var records = new JdbcRecordRepository(db);
        var consents = new JdbcConsentRepository(db);
        var referrals = new JdbcReferralRepository(db);
        if (!db.joinServers(alone)) {
            db.close();
            throw new ConfigurationException(alone
                ? "A Haven server runs on this installation's database. This command needs every server stopped: stop them first."
                : "A command that needs every server stopped (a ledger key rotation, accepting a rollback) runs on this "
                    + "installation's database; start the server once it has finished.");
        }
        JdbcLedgerStore ledgerStore = new JdbcLedgerStore(db);
        long databaseOpened = System.nanoTime();
        java.util.Map<String, String> organisationTypes = new java.util.concurrent.ConcurrentHashMap<>();
        eu.haven.core.transparency.ReportTally tally = new eu.haven.core.transparency.ReportTally(framework, DpvTaxonomy.bundled(),
            id -> Optional.ofNullable(organisationTypes.computeIfAbsent(id,
                k -> organisations.find(k).map(eu.haven.core.staff.Organisation::type).orElse(null))), java.time.ZoneId.systemDefault());
        long counted = countFor(ledgerStore, tally);
        if (counted > 1000) {
            LOG.info("Counted {} ledger events for the transparency report.", counted);
        }
        this.ledger = openLedger(config.ledger(), ledgerStoreDecorator.apply(ledgerStore));
        long ledgerOpened = System.nanoTime();
        PolicyEngine engine = new PolicyEngine(framework);
        AccessGuard guard = new AccessGuard(engine, ledger, new JdbcPersonFactsRepository(db, JdbcPersonFactsRepository.DEFAULT_CACHE_SIZE),
            config.clock(), metrics);
        PasswordHasher hasher = PasswordHasher.DEFAULT;
        HavenConfig.PeopleConfig people = config.people();
        Recorder recorder = new Recorder(ledger, config.clock());
        this.recorder = recorder;
        KeyedHash codeLookup = new KeyedHash(master, "access-code");
        var sessions = new JdbcPersonSessionRepository(db);
        Guardianship guardianship = new Guardianship(new Profiles(persons, keys), people.guardianAge(), config.clock());
        var equalityCounts = new eu.haven.store.JdbcEqualityCountRepository(db);
        eu.haven.core.equality.OutcomeLog outcomes = new eu.haven.core.equality.EqualityCounter(new Profiles(persons, keys), equalityCounts,
            java.time.ZoneId.systemDefault());
        CorrectionService corrections = new CorrectionService(guard, recorder, new JdbcCorrectionRepository(db),
            records, keys, outcomes);
        this.erasure = new ErasureService(guard, recorder, ledger, new JdbcErasureRepository(db), records, persons, sessions, keys);
        this.retention = new RetentionJob(framework, records, persons, erasure, recorder);
        var tokens = new JdbcTokenRepository(db);
        AuthService auth = new AuthService(staff, organisations, tokens, hasher, framework, config.tokenLifetime(), config.clock(),
            (actor, user) -> recorder.administrative(Optional.of(actor), eu.haven.core.policy.Action.CHANGE_PASSWORD, Optional.of(user)));
        this.staffAdmin = new StaffAdmin(organisations, staff, tokens, hasher, framework, recorder, auth::forgetUser);
        AlertService alerts = new AlertService(new JdbcAlertRepository(db), recorder);
        this.witnesses = new WitnessSubmitter(ledger, config.ledger().witnesses().stream().map(WitnessSubmitter.Target::parse).toList(),
            config.ledger().witnessRefresh(), config.clock());
        this.alertJob = new eu.haven.core.alert.AlertJob(ledger, new eu.haven.core.alert.AccessWatch(config.alerts()), alerts, config.clock());
        java.time.Duration activation = people.sessions().activationWindow();
        CodeReplacementService codes = new CodeReplacementService(guard, new JdbcCodeRequestRepository(db), persons, sessions,
            hasher, codeLookup, new Profiles(persons, keys), staff, alerts, db, activation);
        this.caseload = new eu.haven.core.caseload.CaseloadService(guard, new eu.haven.store.JdbcCaseloadRepository(db), records, keys,
            new KeyedHash(master, "caseload-names"), referrals, consents);
        RecordService recordService = new RecordService(guard, records, keys, caseload);
        var authorityRequests = new eu.haven.store.JdbcAuthorityRequestRepository(db);
        this.authority = new eu.haven.core.authority.AuthorityRequestService(framework, firewall,
            new PurposeResolver(framework, firewall, DpvTaxonomy.bundled()), authorityRequests, persons, recorder, java.time.ZoneId.systemDefault());
        this.transparency = new eu.haven.core.transparency.TransparencyService(framework, new eu.haven.store.JdbcReportCountRepository(db),
            authorityRequests, ledger::size, ledger::signedCheckpoint, config.clock(), java.time.ZoneId.systemDefault(),
            java.time.Duration.ofMinutes(10));
        var directory = new eu.haven.store.JdbcDirectoryRepository(db);
        var navigator = new eu.haven.navigator.directory.NavigatorService(directory, config.clock(), java.time.ZoneId.systemDefault());
        this.api = new ApiServices(framework, firewall, new PurposeResolver(framework, firewall, DpvTaxonomy.bundled()), auth,
            new PersonService(guard, persons, relationships, records, keys, hasher, codeLookup, db, activation, caseload),
            recordService,
            new ConsentService(guard, consents, organisations, guardianship, keys),
            new ReferralService(guard, referrals, consents, organisations, guardianship, keys, outcomes, caseload), ledger,
            new PersonSessions(persons, sessions, keys, hasher, codeLookup, recorder, alerts, people.sessions()),
            new RightsService(framework, recorder, ledger, persons, keys, records, consents, referrals, corrections, erasure,
                organisations, codes::ofPerson, alerts, authority::hiddenFrom),
            corrections, erasure, codes, alerts, staffAdmin, this::ready,
            new ApiServices.Metrics(metrics, config.metricsToken(), metrics::scrape),
            new ApiServices.PageSettings(master.derive("page-forms"), config.clock(),
                caseload, new eu.haven.core.casefile.CaseFileService(guard, recordService, consents, ledger, authority::hiddenFrom)),
            navigator, new eu.haven.navigator.edit.DirectoryEdits(navigator, directory, config.clock()),
            new ApiServices.Oversight(authority, transparency, new eu.haven.core.oversight.OversightService(ledger, recorder,
                new KeyedHash(master, "oversight-pseudonyms"), java.time.ZoneId.systemDefault()),
                new eu.haven.core.algorithm.AlgorithmRegister(AlgorithmParameters.of(framework, firewall, people, navigator, config.alerts()),
                    new eu.haven.store.JdbcAlgorithmRepository(db), recorder, config.clock(),
                    id -> staff.find(id).map(eu.haven.core.staff.StaffUser::username).orElse("?")),
                new eu.haven.core.complaint.ComplaintService(new eu.haven.store.JdbcComplaintRepository(db), keys, recorder),
                new eu.haven.core.equality.EqualityService(equalityCounts, recorder)),
            new eu.haven.store.H2Backups(db, config.dataDir().resolve("backups"), config.clock()));
        ledger.instrument(metrics);
        metrics.gauge("haven.ledger.size", ledger, l -> l.size());
        metrics.gauge("haven.ledger.checkpoint.size", ledger, l -> l.checkpointHead().size());
        metrics.gauge("haven.ready", this, h -> h.ready() ? 1 : 0);
        this.startup = new StartupTimes(databaseOpened - began, ledgerOpened - databaseOpened, System.nanoTime() - ledgerOpened);
    }

    /** Where a start's time went, in nanoseconds: the database (with its migrations), the ledger (with its audit), the rest. */
    private record StartupTimes(long database, long ledger, long services) {
        String describe(long serving) {
            return String.format(java.util.Locale.ROOT, "database %.1f s, ledger and its start-up audit %.1f s, services %.1f s, "
                + "web server %.1f s", database / 1e9, ledger / 1e9, services / 1e9, serving / 1e9);
        }
    }

    private final StartupTimes startup;

    /** Counts for the transparency report what the ledger holds and the counts do not yet; closes the database if it cannot. */
    private long countFor(JdbcLedgerStore store, eu.haven.core.transparency.ReportTally tally) {
        try {
            return store.countWith(tally);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    private Ledger openLedger(HavenConfig.LedgerConfig l, LedgerStore store) {
        try {
            eu.haven.ledger.NoteSigner signer = LedgerKeyFile.loadOrCreate(l.keyFile(), l.origin(), HavenConfig.DEFAULT_ORIGIN);
            long started = System.nanoTime();
            Ledger opened = Ledger.open(store, signer, LedgerKeyFile.trustedKeys(l.trustedKeys(), signer), new FileCheckpointMirror(l.checkpointCopy()),
                Optional.of(new FileCheckpointMirror(l.auditedCopy())),
                Ledger.Settings.defaults(signer.name()).withCheckpointInterval(l.checkpointInterval()).withClock(config.clock())
                    .withBackgroundAuditHeld());
            // How long the start-up audit of the whole ledger took: what an operator plans restarts by.
            double seconds = (System.nanoTime() - started) / 1e9;
            io.micrometer.core.instrument.Gauge.builder("haven.ledger.startup.audit.seconds", () -> seconds).strongReference(true)
                .register(metrics);
            return opened;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** Ready to serve data: the ledger can append and the database answers. */
    public boolean ready() {
        if (!ledger.ready()) {
            return false;
        }
        try {
            return db.autonomous(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one()) == 1;
        } catch (RuntimeException e) {
            return false;
        }
    }

    public Haven start() {
        long starting = System.nanoTime();
        Javalin app = HavenApi.create(api, new ClientAddress(config.people().trustedProxies()),
            HavenApi.Listen.on(config.bind(), config.port()).withPublicUrl(config.publicUrl())
                .withConnectionsPerAddress(config.connectionsPerAddress()));
        app.start();
        server = Optional.of(app);
        LOG.info("Started {} s after the process began: {}.", String.format(java.util.Locale.ROOT, "%.1f",
            java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() / 1e3), startup.describe(System.nanoTime() - starting));
        // The whole ledger's audit, held until now so that it did not take the cores the start needed.
        ledger.startBackgroundAudit();
        ScheduledExecutorService jobs = daemon("haven-retention");
        long every = Math.max(1, config.people().retentionInterval().toSeconds());
        jobs.scheduleWithFixedDelay(this::runRetention, 60, every, TimeUnit.SECONDS);
        if (ledger.followedInMemory()) {
            // A lone server: the watch takes the newest events from the ledger's memory, ten times a second, on a thread of
            // its own (the jobs' thread can be busy for minutes, and events wait in memory only until taken).
            ScheduledExecutorService w = daemon("haven-watch");
            w.scheduleWithFixedDelay(this::runAlerts, 5_000, 100, TimeUnit.MILLISECONDS);
            watching = Optional.of(w);
        } else {
            jobs.scheduleWithFixedDelay(this::runAlerts, 5, 60, TimeUnit.SECONDS);
        }
        if (witnesses.any()) {
            ScheduledExecutorService w = daemon("haven-witnesses");
            w.scheduleWithFixedDelay(this::submitToWitnesses, 250, 250, TimeUnit.MILLISECONDS);
            witnessing = Optional.of(w);
        }
        // People taken on before the caseload's name index existed are indexed in the background, by one server of the database.
        jobs.scheduleWithFixedDelay(() -> {
            try {
                if (!db.leadsJobs()) {
                    return;
                }
                int indexed = caseload.indexMissing();
                if (indexed > 0) {
                    LOG.info("Indexed the names of {} people for their organisations' caseload filters.", indexed);
                }
            } catch (RuntimeException e) {
                LOG.warn("Indexing names for the caseload filters failed; they find only people taken on since: {}", e.getClass().getSimpleName());
            }
        }, 0, 1, TimeUnit.HOURS);
        if (db.shared()) {
            // Another server sharing the database may store a directory edit or an import: read it within half a minute.
            jobs.scheduleWithFixedDelay(() -> {
                try {
                    if (navigator().reloadIfChanged()) {
                        LOG.info("Read the service directory again: another server changed it.");
                    }
                } catch (RuntimeException e) {
                    LOG.warn("Could not check the service directory for changes: {}", e.getClass().getSimpleName());
                }
            }, 30, 30, TimeUnit.SECONDS);
        }
        scheduler = Optional.of(jobs);
        return this;
    }

    /** One daemon thread of that name, for scheduled work. */
    private static ScheduledExecutorService daemon(String name) {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    private void runAlerts() {
        try {
            alertJob.run(db.leadsJobs());
            if (watchFailing) {
                LOG.info("The access watch reads the ledger again");
            }
            watchFailing = false;
        } catch (RuntimeException e) {
            // Said once when it starts failing, not at every run (each second on a lone server).
            if (!watchFailing) {
                LOG.warn("The access watch could not read the ledger and will keep trying: {}", e.getClass().getSimpleName());
            }
            watchFailing = true;
        }
    }

    /** Submits the current checkpoint to the configured witnesses (every 250 ms once started; nothing is sent for a checkpoint already cosigned); returns how many cosigned now. */
    public int submitToWitnesses() {
        try {
            return witnesses.run();
        } catch (RuntimeException e) {
            LOG.warn("Submitting the checkpoint to the witnesses failed and will be tried again: {}", e.getClass().getSimpleName());
            return 0;
        }
    }

    /** The access watch's job (run every minute once started). */
    public eu.haven.core.alert.AlertJob alertJob() {
        return alertJob;
    }

    private void runRetention() {
        try {
            if (db.leadsJobs()) {
                retention.run();
            }
        } catch (RuntimeException e) {
            LOG.error("The retention job failed and will run again at its next time:\n{}", eu.haven.core.error.Failures.trace(e));
        }
    }

    public eu.haven.core.transparency.TransparencyService transparency() {
        return transparency;
    }

    public eu.haven.core.authority.AuthorityRequestService authority() {
        return authority;
    }

    public RetentionJob retention() {
        return retention;
    }

    public ErasureService erasure() {
        return erasure;
    }

    /** Closes on JVM shutdown (Ctrl-C, SIGTERM) and blocks the calling thread until then. */
    public void awaitShutdown() throws InterruptedException {
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "haven-shutdown"));
        Thread.currentThread().join();
    }

    /** Every route the server answers, as "METHOD /path/{param}": for documentation and the tests of route groups. */
    public java.util.List<String> routes() {
        return server.map(app -> app.unsafe.internalRouter.allHttpHandlers().stream()
            .map(e -> e.endpoint.method.name() + " " + e.endpoint.path).sorted().toList()).orElse(java.util.List.of());
    }

    public int port() {
        return server.map(Javalin::port).orElse(config.port());
    }

    /** Records, as done by the operator on the command line, that a rollback of the ledger was accepted; its index. */
    long recordLedgerKeyRotated() {
        return recorder.administrative(Optional.empty(), eu.haven.core.policy.Action.ROTATE_LEDGER_KEY, Optional.empty());
    }

    long recordRollbackAccepted() {
        return recorder.administrative(Optional.empty(), eu.haven.core.policy.Action.ACCEPT_ROLLBACK, Optional.empty());
    }

    /** The public service directory, its search and its question box. */
    public eu.haven.navigator.directory.NavigatorService navigator() {
        return api.navigator();
    }

    public Framework framework() {
        return framework;
    }

    public Database database() {
        return db;
    }

    public Ledger ledger() {
        return ledger;
    }

    public StaffAdmin staffAdmin() {
        return staffAdmin;
    }

    public MeterRegistry metrics() {
        return metrics;
    }

    public HavenConfig config() {
        return config;
    }

    @Override
    public void close() {
        scheduler.ifPresent(ScheduledExecutorService::shutdownNow);
        witnessing.ifPresent(ScheduledExecutorService::shutdownNow);
        watching.ifPresent(ScheduledExecutorService::shutdownNow);
        server.ifPresent(Javalin::stop);
        ledger.close();
        db.close();
    }
}
