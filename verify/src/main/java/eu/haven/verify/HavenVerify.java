package eu.haven.verify;

import picocli.CommandLine;

/**
 * {@code java -jar haven-verify.jar}: the verifier anyone can run without the server, holding
 * only the ledger's tlog code and the event format. {@code haven-verify --vkey KEY URL} checks a
 * published ledger, {@code haven-verify receipt --vkey KEY FILE} a person's receipt; both also take
 * {@code --trusted-keys FILE} after the city rotated its ledger key.
 */
public final class HavenVerify {
    private HavenVerify() {}

    public static void main(String[] args) {
        System.exit(cli().execute(args));
    }

    public static CommandLine cli() {
        CommandLine cli = new CommandLine(new VerifyCommand());
        cli.setCommandName("haven-verify");
        return cli;
    }
}
