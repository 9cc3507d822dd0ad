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

    @Test
    void a_port_in_use_is_one_clear_line_and_leaves_nothing_behind(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 50, java.net.InetAddress.getByName("127.0.0.1"))) {
            java.io.StringWriter err = new java.io.StringWriter();
            CommandLine cli = Main.cli();
            cli.setErr(new java.io.PrintWriter(err));
            Path dir = tmp.resolve("data");
            int code = cli.execute("demo", "--port", Integer.toString(taken.getLocalPort()), "--data-dir", dir.toString());
            assertThat(code).isEqualTo(2);
            assertThat(err.toString().strip().lines()).hasSize(1).first().asString().contains("already in use");
            assertThat(dir).doesNotExist();
        }
    }

    @Test
    void every_command_answers_help() {
        for (String[] args : new String[][] {{"--help"}, {"serve", "--help"}, {"demo", "--help"}, {"admin", "--help"},
            {"admin", "create-user", "--help"}, {"ledger", "vkey", "--help"}, {"ledger", "export", "--help"}, {"verify", "--help"},
            {"verify", "receipt", "--help"}, {"framework", "check", "--help"}}) {
            java.io.StringWriter out = new java.io.StringWriter();
            CommandLine cli = Main.cli();
            cli.setOut(new java.io.PrintWriter(out));
            assertThat(cli.execute(args)).as(String.join(" ", args)).isZero();
            assertThat(out.toString()).contains("Usage:");
        }
        java.io.StringWriter out = new java.io.StringWriter();
        CommandLine cli = Main.cli();
        cli.setOut(new java.io.PrintWriter(out));
        cli.execute("--help");
        assertThat(out.toString()).contains("serve", "demo", "admin", "framework", "verify", "ledger");
    }
}
