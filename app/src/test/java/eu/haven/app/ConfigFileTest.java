package eu.haven.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** One order for every setting: the option, then the environment variable, then the configuration file, then the default. */
class ConfigFileTest {
    @TempDir
    Path tmp;

    private HavenConfig parse(Map<String, String> environment, String... args) {
        ServeCommand serve = new ServeCommand();
        CommandLine cli = new CommandLine(serve);
        cli.setDefaultValueProvider(ConfigFile.locate(args, environment::get));
        cli.parseArgs(args);
        return serve.options.config(Path.of("data"), "0.0.0.0");
    }

    @Test
    void the_file_fills_in_what_neither_option_nor_environment_says() throws Exception {
        Path file = tmp.resolve("haven.properties");
        Files.writeString(file, "HAVEN_PORT=9999\nHAVEN_GUARDIAN_AGE=14\nHAVEN_DATA_DIR=" + tmp.resolve("d") + "\n"
            + "HAVEN_STAFF_TOKEN_LIFETIME=PT2H\nHAVEN_BIND=127.0.0.1\nHAVEN_DB_POOL=7\n");
        HavenConfig fromFile = parse(Map.of(), "--config", file.toString());
        assertThat(fromFile.port()).isEqualTo(9999);
        assertThat(fromFile.people().guardianAge()).isEqualTo(14);
        assertThat(fromFile.dataDir()).isEqualTo(tmp.resolve("d").toAbsolutePath());
        assertThat(fromFile.tokenLifetime()).isEqualTo(Duration.ofHours(2));
        assertThat(fromFile.bind()).isEqualTo("127.0.0.1");
        assertThat(fromFile.database().poolSize()).as("no undocumented system property: an option like the others").isEqualTo(7);

        HavenConfig flagWins = parse(Map.of(), "--config", file.toString(), "--port", "7777");
        assertThat(flagWins.port()).isEqualTo(7777);
        HavenConfig environmentWins = parse(Map.of("HAVEN_GUARDIAN_AGE", "15"), "--config", file.toString());
        assertThat(environmentWins.people().guardianAge()).as("the file steps aside for the environment").isNotEqualTo(14);
        HavenConfig named = parse(Map.of("HAVEN_CONFIG", file.toString()));
        assertThat(named.port()).isEqualTo(9999);
        assertThat(parse(Map.of()).port()).isEqualTo(8080);
    }

    @Test
    void a_file_with_a_misspelt_setting_or_none_at_all_is_a_clear_error() throws Exception {
        Path file = tmp.resolve("bad.properties");
        Files.writeString(file, "port=9999\n");
        assertThatThrownBy(() -> parse(Map.of(), "--config", file.toString())).isInstanceOf(ConfigurationException.class)
            .hasMessageContaining("HAVEN_");
        assertThat(Main.run("serve", "--config", tmp.resolve("missing").toString())).isEqualTo(2);
    }

    @Test
    void no_setting_prints_a_secret() {
        HavenConfig c = HavenConfig.of(0, tmp, java.util.Optional.of("jdbc:postgresql://db/haven"), "haven", "s3cret-password",
            java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty());
        assertThat(c.toString()).doesNotContain("s3cret-password");
        assertThat(c.database().toString()).doesNotContain("s3cret-password");
        assertThat(c.withMetricsToken(java.util.Optional.of("metrics-s3cret-0123456789")).toString()).doesNotContain("metrics-s3cret");
    }
}
