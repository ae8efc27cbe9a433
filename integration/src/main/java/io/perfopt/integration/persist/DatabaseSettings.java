package io.perfopt.integration.persist;

import io.perfopt.api.Require;
import io.perfopt.integration.app.PerfoptSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Where perfopt's database is and how to reach it ({@code perfopt.db.*}).
 *
 * @param url            the JDBC URL; a relative H2 file path is resolved against the perfopt home
 * @param user           the database user
 * @param password       its password; never logged
 * @param schema         the schema perfopt's tables live in; null for the connection's default
 * @param poolSize       connections kept at most
 * @param connectTimeout how long a write waits for a connection before it counts as failed
 */
public record DatabaseSettings(String url, String user, String password, String schema, int poolSize,
                               Duration connectTimeout) {

    /** A schema name perfopt creates and sets: a plain SQL identifier, never quoted. */
    private static final Pattern SCHEMA = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
    private static final Pattern SECRET_PARAMETER = Pattern.compile("(?i)(password|pwd|secret)=[^;&]*");

    public DatabaseSettings {
        Require.notBlank("perfopt.db.url", url);
        if (!url.startsWith("jdbc:")) {
            throw new IllegalArgumentException("perfopt.db.url must be a JDBC URL starting with jdbc:, got "
                    + redact(url));
        }
        user = user == null ? "" : user;
        password = password == null ? "" : password;
        schema = schema == null || schema.isBlank() ? null : schema.trim();
        if (schema != null && !SCHEMA.matcher(schema).matches()) {
            throw new IllegalArgumentException("perfopt.db.schema must be a plain identifier ([A-Za-z_][A-Za-z0-9_]*, "
                    + "at most 63 characters), got \"" + schema + "\"");
        }
        if (poolSize < 1 || poolSize > 100) {
            throw new IllegalArgumentException("perfopt.db.pool-size must be within 1..100, got " + poolSize);
        }
        Require.notNull("perfopt.db.connect-timeout", connectTimeout);
        if (connectTimeout.toMillis() < 250) {
            throw new IllegalArgumentException("perfopt.db.connect-timeout must be at least 250ms, got "
                    + connectTimeout.toMillis() + "ms");
        }
    }

    /** The {@code perfopt.db.*} settings, with a relative H2 file path resolved against {@code home}. */
    public static DatabaseSettings from(PerfoptSettings settings, Path home) {
        return new DatabaseSettings(H2Path.resolve(settings.text("perfopt.db.url"), home),
                settings.text("perfopt.db.user", ""), settings.text("perfopt.db.password", ""),
                settings.text("perfopt.db.schema", ""), settings.integer("perfopt.db.pool-size"),
                settings.duration("perfopt.db.connect-timeout"));
    }

    /** These settings in another schema (tests give each run its own). */
    public DatabaseSettings withSchema(String newSchema) {
        return new DatabaseSettings(url, user, password, newSchema, poolSize, connectTimeout);
    }

    /** The database as logs and errors name it: the URL without secrets, the user and the schema. */
    public String describe() {
        return redact(url) + (user.isEmpty() ? "" : " as " + user) + (schema == null ? "" : ", schema " + schema);
    }

    /** The URL with any password parameter masked, for logs and messages. */
    public static String redact(String url) {
        return SECRET_PARAMETER.matcher(url).replaceAll("$1=****");
    }

    @Override
    public String toString() {
        return "DatabaseSettings[" + describe() + "]";
    }
}
