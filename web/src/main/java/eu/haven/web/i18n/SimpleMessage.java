package eu.haven.web.i18n;

import com.ibm.icu.text.MessagePattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A message pattern whose arguments are all plain ({@code {name}}, no plural, select, number or date),
 * parsed once by ICU into its literal text and argument names. Filled with text values it gives what
 * ICU's {@code MessageFormat} gives (quoting by apostrophes included), without cloning a formatter per use.
 */
public final class SimpleMessage {
    private final List<String> literals;
    private final List<String> names;

    private SimpleMessage(List<String> literals, List<String> names) {
        this.literals = literals;
        this.names = names;
    }

    /** The pattern as literal text and plain arguments; empty when it has anything else (ICU must format it). */
    public static Optional<SimpleMessage> of(String pattern) {
        MessagePattern parsed;
        try {
            parsed = new MessagePattern(pattern);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        List<String> literals = new ArrayList<>();
        List<String> names = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int from = parsed.getPart(0).getLimit();
        for (int i = 1; i < parsed.countParts(); i++) {
            MessagePattern.Part part = parsed.getPart(i);
            switch (part.getType()) {
                case INSERT_CHAR -> {
                    // A lone apostrophe, which quotes nothing: it stays in the text as it is.
                }
                case SKIP_SYNTAX -> {
                    text.append(pattern, from, part.getIndex());
                    from = part.getLimit();
                }
                case ARG_START -> {
                    if (part.getArgType() != MessagePattern.ArgType.NONE
                        || parsed.getPartType(i + 1) != MessagePattern.Part.Type.ARG_NAME) {
                        return Optional.empty();
                    }
                    text.append(pattern, from, part.getIndex());
                    literals.add(text.toString());
                    text.setLength(0);
                    names.add(parsed.getSubstring(parsed.getPart(i + 1)));
                    i = parsed.getLimitPartIndex(i);
                    from = parsed.getPart(i).getLimit();
                }
                case MSG_LIMIT -> {
                    text.append(pattern, from, part.getIndex());
                    literals.add(text.toString());
                    return Optional.of(new SimpleMessage(List.copyOf(literals), List.copyOf(names)));
                }
                default -> {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /** The message with values given as name, value, name, value; empty when one is missing or is not text. */
    public Optional<String> format(Object... namesAndValues) {
        StringBuilder out = new StringBuilder(64);
        for (int i = 0; i < names.size(); i++) {
            Object value = null;
            for (int j = 0; j + 1 < namesAndValues.length; j += 2) {
                if (names.get(i).equals(namesAndValues[j])) {
                    value = namesAndValues[j + 1];
                }
            }
            if (!(value instanceof CharSequence text)) {
                return Optional.empty();
            }
            out.append(literals.get(i)).append(text);
        }
        return Optional.of(out.append(literals.get(names.size())).toString());
    }

    /** The message with these values; empty when one is missing or is not text (a number or date, which ICU formats by language). */
    public Optional<String> format(Map<String, Object> args) {
        return format(args.entrySet().stream().flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue())).toArray());
    }
}
