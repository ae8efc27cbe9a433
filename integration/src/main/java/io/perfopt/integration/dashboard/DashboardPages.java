package io.perfopt.integration.dashboard;

import io.perfopt.integration.api.HttpProblem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Serves the dashboard's few static files: {@code index.html} at {@code /} and its stylesheet and
 * script at {@code /web/{file}} (routes in {@code routes/dashboard.yaml}). The files come from a
 * directory when it exists ({@code conf/web} of an installation, where an operator may adapt
 * them), else from the classpath ({@code perfopt-defaults/web/}).
 *
 * <p>Only plain file names with a known extension are served, never a path: Camel's own static
 * content handler is not used because it serves any file under the process's working directory
 * (and so {@code conf/perfopt.properties} with the API token). The page itself holds no data and
 * needs no token; everything it shows comes from the authenticated API.
 */
public final class DashboardPages {

    /** Where the built-in files are on the classpath. */
    public static final String CLASSPATH_DIR = "perfopt-defaults/web/";

    private static final Pattern FILE_NAME = Pattern.compile("[a-z0-9][a-z0-9-]*\\.(html|css|js|svg)");
    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "svg", "image/svg+xml");
    /**
     * The page may talk to its own origin only: no fonts, scripts or images from anywhere else,
     * no inline script, and it may not be framed.
     */
    private static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; "
            + "style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; "
            + "frame-ancestors 'none'";

    private final Path dir;

    private DashboardPages(Path dir) {
        this.dir = dir;
    }

    /** Files from {@code dir} when it is a directory, else the built-in ones from the classpath. */
    public static DashboardPages from(Path dir) {
        return new DashboardPages(dir != null && Files.isDirectory(dir) ? dir.toAbsolutePath().normalize() : null);
    }

    /** Where the files come from, for the start-up log. */
    public String source() {
        return dir == null ? "classpath:" + CLASSPATH_DIR : dir.toString();
    }

    /** {@code GET /}: the page. */
    public void page(Exchange exchange) {
        serve("index.html", exchange.getMessage());
    }

    /** {@code GET /web/{file}}: a stylesheet, script or image of the page. */
    public void asset(Exchange exchange) {
        serve(exchange.getIn().getHeader("file", String.class), exchange.getMessage());
    }

    private void serve(String name, Message answer) {
        if (name == null || !FILE_NAME.matcher(name).matches()) {
            throw HttpProblem.notFound("no dashboard file " + name);
        }
        byte[] content = read(name);
        if (content == null) {
            throw HttpProblem.notFound("no dashboard file " + name);
        }
        String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        answer.removeHeaders("*");
        answer.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        answer.setHeader(Exchange.CONTENT_TYPE, CONTENT_TYPES.get(extension));
        // the files are small and change with perfopt's version: always revalidate
        answer.setHeader("Cache-Control", "no-cache");
        answer.setHeader("X-Content-Type-Options", "nosniff");
        answer.setHeader("Referrer-Policy", "no-referrer");
        answer.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        answer.setBody(content);
    }

    private byte[] read(String name) {
        try {
            if (dir != null) {
                Path file = dir.resolve(name).normalize();
                return file.startsWith(dir) && Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
            }
            try (InputStream in = DashboardPages.class.getClassLoader().getResourceAsStream(CLASSPATH_DIR + name)) {
                return in == null ? null : in.readAllBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dashboard file " + name + " from " + source(), e);
        }
    }
}
