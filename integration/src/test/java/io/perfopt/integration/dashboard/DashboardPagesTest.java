package io.perfopt.integration.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.perfopt.integration.api.HttpProblem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard's files: which are served, from where, with which headers; over HTTP too. */
class DashboardPagesTest {

    private static Exchange request(String file) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getIn().setHeader("file", file);
        exchange.getIn().setHeader("Authorization", "Bearer secret");
        return exchange;
    }

    private static String text(Exchange exchange) {
        return new String(exchange.getMessage().getBody(byte[].class), StandardCharsets.UTF_8);
    }

    @Test
    void servesTheBuiltInPageAndScriptFromTheClasspathWhenNoDirectoryExists(@TempDir Path home) {
        DashboardPages pages = DashboardPages.from(home.resolve("conf/web"));
        Exchange page = request(null);
        Exchange script = request("dashboard.js");

        pages.page(page);
        pages.asset(script);

        assertThat(pages.source()).isEqualTo("classpath:perfopt-defaults/web/");
        assertThat(page.getMessage().getHeader(Exchange.CONTENT_TYPE)).isEqualTo("text/html; charset=utf-8");
        assertThat(text(page)).contains("<title>perfopt</title>").contains("web/dashboard.js");
        assertThat(script.getMessage().getHeader(Exchange.CONTENT_TYPE)).isEqualTo("text/javascript; charset=utf-8");
        assertThat(text(script)).contains("api/status");
    }

    @Test
    void servesAnOperatorsOwnFilesFromTheDirectoryWhenItExists(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("index.html"), "<p>our own page</p>");
        Exchange page = request(null);

        DashboardPages.from(dir).page(page);

        assertThat(text(page)).isEqualTo("<p>our own page</p>");
    }

    @Test
    void answersWithHeadersThatKeepThePageOnThisServerAndNoneOfTheRequests() {
        Exchange page = request(null);

        DashboardPages.from(null).page(page);

        assertThat(page.getMessage().getHeader("Content-Security-Policy", String.class))
                .contains("default-src 'none'").contains("connect-src 'self'").contains("script-src 'self'");
        assertThat(page.getMessage().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.getMessage().getHeader("Authorization")).as("request headers are not echoed").isNull();
    }

    @Test
    void refusesPathsAndUnknownFilesWithNotFound(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("secret.properties"), "perfopt.api.token=secret");
        Files.createDirectories(dir.resolve("web"));
        DashboardPages pages = DashboardPages.from(dir.resolve("web"));

        for (String name : List.of("../secret.properties", "..%2Fsecret.properties", "/etc/passwd", "secret.properties",
                "missing.js", ".hidden.js", "")) {
            assertThatThrownBy(() -> pages.asset(request(name))).as(name).isInstanceOf(HttpProblem.class)
                    .satisfies(e -> assertThat(((HttpProblem) e).status()).isEqualTo(404));
        }
    }

    @Test
    void theRunningServerShowsThePageWithoutTheTokenButNotTheApiNorItsFiles() throws Exception {
        try (FleetUnderTest run = new FleetUnderTest("dashboard-token", List.of())) {
            var page = run.anonymousGet("/");
            var style = run.anonymousGet("/web/dashboard.css");
            var status = run.anonymousGet("/api/status");
            var configuration = run.anonymousGet("/perfopt-defaults/perfopt.properties");
            var escape = run.anonymousGet("/web/..%2Fperfopt.properties");

            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
            assertThat(page.body()).contains("id=\"approvals\"");
            assertThat(style.statusCode()).isEqualTo(200);
            assertThat(style.headers().firstValue("Content-Type")).hasValue("text/css; charset=utf-8");
            assertThat(status.statusCode()).isEqualTo(401);
            assertThat(configuration.statusCode()).isEqualTo(404);
            assertThat(escape.statusCode()).isEqualTo(404);
        }
    }
}
