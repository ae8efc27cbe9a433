package io.perfopt.integration.agents;

import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${NAME}} and {@code ${NAME:-default}} in configuration text with environment
 * variables, so that secrets such as control tokens stay out of {@code agents.yaml}. As in a
 * shell, the default applies when the variable is unset or empty; {@code $${} writes a literal
 * {@code ${}. An unset variable without default is an error, never an empty string: an empty
 * token or URL would fail later, and less clearly.
 */
final class EnvSubstitution {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final Function<String, String> environment;

    EnvSubstitution(Function<String, String> environment) {
        this.environment = environment;
    }

    /** Whether {@code text} holds anything to substitute. */
    static boolean applies(String text) {
        return text.contains("${");
    }

    /** {@code text} with every reference replaced; throws naming the first one that cannot be. */
    String apply(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            if (text.startsWith("$${", i)) {
                out.append("${");
                i += 3;
            } else if (text.startsWith("${", i)) {
                int end = text.indexOf('}', i);
                if (end < 0) {
                    throw new IllegalArgumentException("unclosed ${ in \"" + text + "\"");
                }
                out.append(resolve(text.substring(i + 2, end)));
                i = end + 1;
            } else {
                out.append(text.charAt(i++));
            }
        }
        return out.toString();
    }

    private String resolve(String reference) {
        int sep = reference.indexOf(":-");
        String name = sep < 0 ? reference : reference.substring(0, sep);
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid environment reference ${" + reference
                    + "}; write ${NAME} or ${NAME:-default}");
        }
        String value = environment.apply(name);
        if (value != null && !value.isEmpty()) {
            return value;
        }
        if (sep >= 0) {
            return reference.substring(sep + 2);
        }
        throw new IllegalArgumentException("environment variable " + name + " is not set; set it or write ${"
                + name + ":-default}");
    }
}
