package io.perfopt.integration.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.perfopt.integration.api.Json;
import io.perfopt.integration.app.PerfoptApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What every member's API shows of the cluster, metrics pushed to the wrong member, and Quartz cycles on every node. */
class ClusterApiAndPushTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private ClusterFleet run;

    @AfterEach
    void stop() {
        if (run != null) {
            run.close();
        }
    }

    @Test
    void everyMemberShowsWhoOwnsWhat() throws Exception {
        run = new ClusterFleet(2, 2);

        for (PerfoptApplication node : run.nodes) {
            JsonNode cluster = get(node, "/api/cluster");
            assertThat(cluster.get("node").asText()).isEqualTo(ClusterFleet.nodeId(node));
            assertThat(cluster.get("quorum").asBoolean()).isTrue();
            assertThat(cluster.get("members")).hasSize(2);
            for (JsonNode member : cluster.get("members")) {
                assertThat(member.get("agents")).extracting(JsonNode::asText)
                        .containsExactlyInAnyOrderElementsOf(run.ownedAtStart.get(member.get("node").asText()));
                assertThat(member.get("local").asBoolean()).isEqualTo(member.get("node").asText()
                        .equals(ClusterFleet.nodeId(node)));
            }
            for (JsonNode agent : get(node, "/api/agents")) {
                assertThat(run.ownedAtStart.get(agent.get("owner").asText())).as("owner of %s", agent.get("id"))
                        .contains(agent.get("id").asText());
            }
        }
    }

    @Test
    void metricsPushedToAnyMemberReachTheOwner() throws Exception {
        run = new ClusterFleet(2, 1);
        PerfoptApplication first = run.nodes.get(0);
        PerfoptApplication second = run.nodes.get(1);
        String agentOfSecond = run.ownedAtStart.get(ClusterFleet.nodeId(second)).get(0);
        String at = run.clock.instant().toString();

        HttpResponse<String> answer = post(first, "/api/metrics", "{\"agentId\": \"" + agentOfSecond
                + "\", \"timestamp\": \"" + at + "\", \"samples\": {\"responseTimeMs\": [2900, 3100, 3000]}}");

        assertThat(answer.statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(second.loop().metrics()
                .samples(agentOfSecond, "responseTimeMs", run.clock.instant().minusSeconds(1),
                        run.clock.instant().plusSeconds(1))).containsExactly(2900, 3100, 3000));
        assertThat(first.loop().metrics().lastSeen(agentOfSecond)).as("kept on the member it arrived at").isEmpty();
    }

    @Test
    void quartzFiresCyclesOnEveryNodeEachOverItsOwnAgents() throws Exception {
        run = new ClusterFleet(2, 2, Map.of("perfopt.cycle.enabled", "true", "perfopt.cycle.cron", "0/1 * * * * ?"));

        // cycles fired while the agents were being registered are left out
        Map<PerfoptApplication, Integer> before = new java.util.HashMap<>();
        run.nodes.forEach(n -> before.put(n, n.loop().recentReports().size() + 1));
        await().atMost(Duration.ofSeconds(30)).until(() -> run.nodes.stream()
                .allMatch(n -> n.loop().recentReports().size() >= before.get(n) + 2));

        List<String> all = new ArrayList<>();
        for (PerfoptApplication node : run.nodes) {
            List<String> owned = run.ownedAtStart.get(ClusterFleet.nodeId(node));
            var reports = node.loop().recentReports();
            assertThat(reports.subList(before.get(node), reports.size())).as("cycles fired on %s",
                    ClusterFleet.nodeId(node)).hasSizeGreaterThanOrEqualTo(2)
                    .allSatisfy(r -> assertThat(r.agents()).containsExactlyInAnyOrderElementsOf(owned));
            all.addAll(owned);
        }
        assertThat(all).doesNotHaveDuplicates().hasSize(4);
    }

    private JsonNode get(PerfoptApplication node, String path) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri(node, path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as("GET %s", path).isEqualTo(200);
        return Json.mapper().readTree(answer.body());
    }

    private HttpResponse<String> post(PerfoptApplication node, String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(node, path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(PerfoptApplication node, String path) {
        return URI.create("http://127.0.0.1:" + node.port() + path);
    }
}
