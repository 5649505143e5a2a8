package app.tamroi.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Back offices posting batches of 1000 events over HTTP, each with its own agency's token. Each
 * sender owns a share of the applications (by subject, as a Kafka partition would), so two
 * requests never wait on one application's lock. The bodies are built before the clock starts;
 * the rate is events sent / (last answer − first request).
 */
public final class PostBatchesOverHttp {

    private record Batch(String agency, byte[] body, int events) {
    }

    public static void run(BenchSettings settings, BenchResults results) throws Exception {
        int apps = BenchSettings.intProperty("bench.http.apps", BenchSettings.intProperty("bench.apps", 100_000));
        int senders = BenchSettings.intProperty("bench.http.clients", 4);
        int batchSize = BenchSettings.intProperty("bench.http.batch", 1000);
        StepEventWorkload workload = settings.workload("H", apps, false);
        List<List<Batch>> plans = plan(workload, senders, batchSize);
        long events = workload.events().size();
        results.put("http.events", events);
        results.put("http.expected_applied", workload.count(StepEventWorkload.Kind.VALID));
        results.put("http.clients", senders);
        results.put("http.batches", plans.stream().mapToInt(List::size).sum());

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        AtomicLong applied = new AtomicLong();
        AtomicLong duplicates = new AtomicLong();
        AtomicLong rejected = new AtomicLong();
        AtomicLong retries = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        long began = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (List<Batch> plan : plans) {
            done.add(pool.submit(() -> {
                for (Batch b : plan) {
                    String answer = post(client, settings.http(), b, retries);
                    applied.addAndGet(occurrences(answer, "\"outcome\":\"APPLIED\""));
                    duplicates.addAndGet(occurrences(answer, "\"outcome\":\"DUPLICATE\""));
                    rejected.addAndGet(occurrences(answer, "\"outcome\":\"REJECTED\""));
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        pool.shutdown();
        results.put("http.applied", applied.get());
        results.put("http.duplicates", duplicates.get());
        results.put("http.rejected", rejected.get());
        results.put("http.retries", retries.get());
        results.put("http.seconds", seconds);
        results.put("http.events_per_s", events / seconds);
        results.put("http.applied_per_s", applied.get() / seconds);
    }

    private static String post(HttpClient client, String base, Batch b, AtomicLong retries) throws Exception {
        String token = System.getProperty("bench.token." + b.agency());
        if (token == null) {
            throw new IllegalStateException("no -Dbench.token." + b.agency());
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/events"))
                .timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/cloudevents-batch+json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(b.body())).build();
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() == 200) {
                return response.body();
            }
            // a batch is one transaction: sending it again after a failure is safe, and counted
            if (attempt >= 3 || response.statusCode() < 500) {
                throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
            }
            retries.incrementAndGet();
        }
    }

    static long occurrences(String text, String needle) {
        long n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }

    private static List<List<Batch>> plan(StepEventWorkload workload, int senders, int batchSize) {
        ObjectMapper json = new ObjectMapper();
        List<List<Batch>> plans = new ArrayList<>();
        List<Map<String, ArrayNode>> open = new ArrayList<>();
        for (int i = 0; i < senders; i++) {
            plans.add(new ArrayList<>());
            open.add(new LinkedHashMap<>());
        }
        for (StepEventWorkload.Event e : workload.events()) {
            int sender = Math.floorMod(e.subject().hashCode(), senders);
            ArrayNode batch = open.get(sender).computeIfAbsent(e.agency(), a -> json.createArrayNode());
            batch.add(StepEventWorkload.structuredNode(e));
            if (batch.size() == batchSize) {
                plans.get(sender).add(new Batch(e.agency(), StepEventWorkload.bytes(batch), batch.size()));
                open.get(sender).remove(e.agency());
            }
        }
        for (int i = 0; i < senders; i++) {
            for (Map.Entry<String, ArrayNode> rest : open.get(i).entrySet()) {
                plans.get(i).add(new Batch(rest.getKey(), StepEventWorkload.bytes(rest.getValue()), rest.getValue().size()));
            }
        }
        return plans;
    }
}
