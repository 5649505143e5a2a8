package app.tamroi.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * What the status reads' forecasts rest on: a seeded sample of the tracking codes the read load
 * uses, each asked once through {@code GET /api/v1/track/{code}}, counted by the forecast's basis
 * (none once an application has ended). The read figures are worth something only if the
 * forecasts they include are made from history, not the plan's fallback.
 */
public final class ForecastShare {

    public static void run(BenchSettings settings, BenchResults results) throws Exception {
        int sample = BenchSettings.intProperty("bench.forecast.sample", 2000);
        List<String> codes = new ArrayList<>(Files.readAllLines(Path.of(System.getProperty("bench.codes",
                "target/bench-codes.txt")), StandardCharsets.UTF_8));
        codes.removeIf(String::isBlank);
        Collections.shuffle(codes, new Random(settings.seed()));
        codes = codes.subList(0, Math.min(sample, codes.size()));
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ObjectMapper json = new ObjectMapper();
        long history = 0;
        long plan = 0;
        long none = 0;
        String example = null;
        for (String code : codes) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(settings.http()
                    + "/api/v1/track/" + code)).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET /api/v1/track/" + code + ": HTTP " + response.statusCode() + " "
                        + response.body());
            }
            JsonNode forecast = json.readTree(response.body()).path("forecast");
            switch (forecast.path("basis").asText("")) {
                case "HISTORY" -> {
                    history++;
                    if (example == null) {
                        example = forecast.toString();
                    }
                }
                case "PLAN" -> plan++;
                default -> none++;
            }
        }
        results.put("read.forecast.sampled", codes.size());
        results.put("read.forecast.history", history);
        results.put("read.forecast.plan", plan);
        results.put("read.forecast.none", none);
        results.put("read.forecast.example", example == null ? "none with basis HISTORY" : example);
    }
}
