package eu.haven.app;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;

/**
 * The optional configuration file ({@code --config FILE} or {@code HAVEN_CONFIG}): lines
 * {@code HAVEN_PORT=8080}, named like the environment variables. Every setting is an option of the
 * command line, and its value comes from, in this order: the option, the environment variable, the
 * file, the default. Secrets (database password) are better kept in the environment or the file
 * with owner-only permissions than on a command line, which other users of the machine can see.
 */
final class ConfigFile implements CommandLine.IDefaultValueProvider {
    /** Every option names its environment variable in its description: "(HAVEN_PORT; default 8080)". */
    private static final Pattern ENV = Pattern.compile("\\((HAVEN_[A-Z0-9_]+)");
    /** Option name to environment variable, read from the options' own (uninterpolated) descriptions. */
    private static final java.util.Map<String, String> VARIABLES = variables();
    private final Properties values;
    private final Function<String, String> environment;

    ConfigFile(Properties values, Function<String, String> environment) {
        this.values = values;
        this.environment = environment;
    }

    /** The file named by {@code --config} among the arguments, else by {@code HAVEN_CONFIG}, if any. */
    static ConfigFile locate(String[] args, Function<String, String> environment) {
        Optional<String> named = Optional.empty();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--config") && i + 1 < args.length) {
                named = Optional.of(args[i + 1]);
            } else if (args[i].startsWith("--config=")) {
                named = Optional.of(args[i].substring("--config=".length()));
            }
        }
        Properties p = new Properties();
        Optional<String> file = named.or(() -> Optional.ofNullable(environment.apply("HAVEN_CONFIG")).filter(s -> !s.isBlank()));
        if (file.isPresent()) {
            try (Reader in = Files.newBufferedReader(Path.of(file.get()), StandardCharsets.UTF_8)) {
                p.load(in);
            } catch (IOException e) {
                throw new ConfigurationException("Cannot read the configuration file " + file.get() + ".");
            }
            for (String key : p.stringPropertyNames()) {
                if (!key.startsWith("HAVEN_")) {
                    throw new ConfigurationException("The configuration file " + file.get() + " names '" + key
                        + "': every setting there is named like its environment variable, HAVEN_...");
                }
            }
        }
        return new ConfigFile(p, environment);
    }

    private static java.util.Map<String, String> variables() {
        java.util.Map<String, String> out = new java.util.HashMap<>();
        for (java.lang.reflect.Field f : ServerOptions.class.getDeclaredFields()) {
            CommandLine.Option o = f.getAnnotation(CommandLine.Option.class);
            if (o == null) {
                continue;
            }
            Matcher m = ENV.matcher(String.join(" ", o.description()));
            if (m.find()) {
                for (String name : o.names()) {
                    out.put(name, m.group(1));
                }
            }
        }
        return java.util.Map.copyOf(out);
    }

    @Override
    public String defaultValue(ArgSpec spec) {
        if (!(spec instanceof CommandLine.Model.OptionSpec option) || !VARIABLES.containsKey(option.longestName())) {
            return null;
        }
        String variable = VARIABLES.get(option.longestName());
        String fromEnvironment = environment.apply(variable);
        if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            return null;
        }
        return values.getProperty(variable);
    }
}
