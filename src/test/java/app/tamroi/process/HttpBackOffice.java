package app.tamroi.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A back office that sends its step events over HTTP in batches, several requests at a time, the
 * way docs/events.md tells it to: a 503 means "nothing was stored, send the same request again",
 * so it does, until Tamroi answers 200. It keeps every answer that is neither, to show later.
 */
final class HttpBackOffice {

    static final String BATCH = "application/cloudevents-batch+json";
    /** Sooner than the Retry-After Tamroi advises, to knock often while the database is away. */
    static final Duration RETRY_AFTER_UNAVAILABLE = Duration.ofMillis(500);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TamroiInstance tamroi;
    private final String bearer;
    private final List<List<Caseload.Event>> batches = new ArrayList<>();
    /** Events the back office sends only once: for them alone a DUPLICATE tells of an earlier store. */
    private final Set<String> sentOnce;
    private final int senders;
    private final Duration pause;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger unavailable = new AtomicInteger();
    private final ConcurrentLinkedQueue<String> dishonest = new ConcurrentLinkedQueue<>();
    private final AtomicInteger storedDespite503 = new AtomicInteger();
    private volatile long lastUnavailableAt;
    private volatile long firstAcceptedAfterUnavailableAt;

    /**
     * @param events in the order the back office sends them
     * @param spread about how long sending everything should take, so the fault meets a steady flow
     */
    HttpBackOffice(TamroiInstance tamroi, String bearer, List<Caseload.Event> events, int batchSize, int senders,
                   Duration spread) {
        this.tamroi = tamroi;
        this.bearer = bearer;
        for (int i = 0; i < events.size(); i += batchSize) {
            batches.add(events.subList(i, Math.min(events.size(), i + batchSize)));
        }
        java.util.Map<String, Long> copies = events.stream()
                .collect(java.util.stream.Collectors.groupingBy(Caseload.Event::key, java.util.stream.Collectors.counting()));
        this.sentOnce = copies.entrySet().stream().filter(c -> c.getValue() == 1).map(java.util.Map.Entry::getKey)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
        this.senders = senders;
        this.pause = spread.multipliedBy(senders).dividedBy(Math.max(1, batches.size()));
    }

    /** Starts the senders; the future completes when every batch has been answered 200. */
    CompletableFuture<Void> start() {
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (int i = 0; i < senders; i++) {
            all.add(sendNext());
        }
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new));
    }

    private CompletableFuture<Void> sendNext() {
        int index = next.getAndIncrement();
        if (index >= batches.size()) {
            return CompletableFuture.completedFuture(null);
        }
        return send(batches.get(index), Told.NOTHING)
                .thenComposeAsync(done -> sendNext(), after(pause));
    }

    /** What earlier attempts at a batch were told: nothing yet, or 503s that did or did not vouch nothing was stored. */
    private enum Told {
        NOTHING, NOTHING_STORED, MAYBE_STORED;

        Told and(String detail) {
            return this == MAYBE_STORED || !detail.startsWith("nothing was stored") ? MAYBE_STORED : NOTHING_STORED;
        }
    }

    private CompletableFuture<Void> send(List<Caseload.Event> batch, Told told) {
        ArrayNode body = JSON.createArrayNode();
        batch.forEach(e -> body.add(e.cloudEvent()));
        HttpRequest request = HttpRequest.newBuilder(tamroi.uri("/api/v1/events"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", bearer)
                .header("Content-Type", BATCH)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toString().getBytes(StandardCharsets.UTF_8)))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenComposeAsync(response -> {
            if (response.statusCode() == 200) {
                confirm(batch, response, told);
                return CompletableFuture.<Void>completedFuture(null);
            }
            if (response.statusCode() == 503) {
                unavailable.incrementAndGet();
                lastUnavailableAt = System.nanoTime();
                firstAcceptedAfterUnavailableAt = 0;
                String detail = judgeUnavailable(response);
                return CompletableFuture.supplyAsync(() -> null, after(RETRY_AFTER_UNAVAILABLE))
                        .thenCompose(nothing -> send(batch, told.and(detail)));
            }
            dishonest.add(response.statusCode() + " " + response.headers().firstValue("Content-Type").orElse("") + " "
                    + response.body());
            // a wrong answer is kept as evidence; the batch is still delivered, as a back office would insist
            return CompletableFuture.supplyAsync(() -> null, after(RETRY_AFTER_UNAVAILABLE))
                    .thenCompose(nothing -> send(batch, told));
        });
    }

    /** A 503 must say when to come back and why, as problem+json; its detail is returned. */
    private String judgeUnavailable(HttpResponse<String> response) {
        boolean retryAfter = response.headers().firstValue("Retry-After").filter(v -> v.matches("\\d+")).isPresent();
        boolean problem = response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json");
        String type = "";
        String detail = "";
        try {
            JsonNode body = JSON.readTree(response.body());
            type = body.path("type").asText();
            detail = body.path("detail").asText();
        } catch (Exception e) {
            // judged below: a body that is not JSON has no problem type
        }
        if (!retryAfter || !problem || !type.endsWith("/unavailable")) {
            dishonest.add("503 without Retry-After or an unavailable problem: " + response.headers().map() + " "
                    + response.body());
        }
        return detail;
    }

    private void confirm(List<Caseload.Event> batch, HttpResponse<String> response, Told told) {
        boolean storedBefore = false;
        try {
            JsonNode results = JSON.readTree(response.body()).path("results");
            for (int i = 0; i < batch.size(); i++) {
                String outcome = results.path(i).path("outcome").asText();
                String key = batch.get(i).key();
                if (!outcome.equals("APPLIED") && !outcome.equals("DUPLICATE")) {
                    dishonest.add("event " + key + " answered " + results.path(i));
                } else if (told != Told.NOTHING && outcome.equals("DUPLICATE") && sentOnce.contains(key)) {
                    // stored, though the attempt before was answered 503
                    storedDespite503.incrementAndGet();
                    storedBefore = true;
                }
            }
        } catch (Exception e) {
            dishonest.add("200 with an unreadable body: " + response.body());
        }
        if (storedBefore && told == Told.NOTHING_STORED) {
            dishonest.add("every 503 said nothing was stored, yet the batch had been stored (its first event "
                    + batch.get(0).key() + ", answered " + java.time.Instant.now() + ")");
        }
        accepted.incrementAndGet();
        if (lastUnavailableAt != 0 && firstAcceptedAfterUnavailableAt == 0) {
            firstAcceptedAfterUnavailableAt = System.nanoTime();
        }
    }

    private static Executor after(Duration delay) {
        return CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    int batches() {
        return batches.size();
    }

    int accepted() {
        return accepted.get();
    }

    /** 503 answers, each one honest (Retry-After, problem+json), or it is also among {@link #wrongAnswers()}. */
    int unavailable() {
        return unavailable.get();
    }

    List<String> wrongAnswers() {
        return List.copyOf(dishonest);
    }

    /** Events that a retry found already stored although the attempt before it was answered 503. */
    int storedDespite503() {
        return storedDespite503.get();
    }

    /** From the last 503 to the first 200 after it: how long callers waited for Tamroi to come back. */
    Duration lastOutageSeenByCallers() {
        long end = firstAcceptedAfterUnavailableAt;
        return end == 0 || lastUnavailableAt == 0 ? Duration.ZERO : Duration.ofNanos(Math.max(0, end - lastUnavailableAt));
    }
}
