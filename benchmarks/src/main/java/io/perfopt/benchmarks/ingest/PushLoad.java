package io.perfopt.benchmarks.ingest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * A closed-loop load generator on loopback: {@code connections} threads share one HTTP/1.1
 * client (so as many connections stay open) and each POSTs the bodies in turn, waiting for
 * every answer, for a fixed time. Counts answered requests and the samples they carried.
 */
final class PushLoad {

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final List<byte[]> bodies;
    private final long samplesPerBody;
    private final int connections;
    private final String token;

    /** What one run delivered. */
    record Outcome(long requests, long failures, long samples, double seconds, String firstFailure) {
        double samplesPerSecond() {
            return samples / seconds;
        }
    }

    PushLoad(List<byte[]> bodies, long samplesPerBody, int connections, String token) {
        this.bodies = bodies;
        this.samplesPerBody = samplesPerBody;
        this.connections = connections;
        this.token = token;
    }

    Outcome run(URI target, Duration duration) throws InterruptedException {
        LongAdder ok = new LongAdder();
        LongAdder failed = new LongAdder();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        long end = System.nanoTime() + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < connections; c++) {
            int offset = c;
            Thread t = new Thread(() -> {
                int i = offset;
                while (System.nanoTime() < end) {
                    HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(i++ % bodies.size())));
                    if (token != null) {
                        request.header("Authorization", "Bearer " + token);
                    }
                    try {
                        HttpResponse<String> answer = client.send(request.build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (answer.statusCode() == 200) {
                            ok.increment();
                        } else {
                            failed.increment();
                            firstFailure.compareAndSet(null, answer.statusCode() + " " + answer.body());
                        }
                    } catch (Exception e) {
                        failed.increment();
                        firstFailure.compareAndSet(null, e.toString());
                    }
                }
            }, "push-load-" + c);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Outcome(ok.sum(), failed.sum(), ok.sum() * samplesPerBody, seconds, firstFailure.get());
    }
}
