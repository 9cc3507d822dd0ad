package eu.haven.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Where the server listens, and what it says about it. */
class ListenTest {

    @Test
    void the_demo_listens_on_this_machine_only_unless_told_otherwise() {
        DemoCommand demo = new DemoCommand();
        new CommandLine(demo).parseArgs();
        assertThat(demo.options.config(Path.of("data", "demo"), "127.0.0.1").bind()).isEqualTo("127.0.0.1");
        DemoCommand open = new DemoCommand();
        new CommandLine(open).parseArgs("--bind", "0.0.0.0");
        assertThat(open.options.config(Path.of("data", "demo"), "127.0.0.1").bind()).isEqualTo("0.0.0.0");
    }

    @Test
    void a_server_open_to_the_network_never_claims_to_be_localhost_only() {
        assertThat(ServerOptions.where("0.0.0.0", 8080)).startsWith("listening on every network interface");
        assertThat(ServerOptions.where("127.0.0.1", 8080)).contains("this machine only");
        assertThat(ServerOptions.where("10.0.0.5", 8080)).isEqualTo("http://10.0.0.5:8080/");
    }
}
