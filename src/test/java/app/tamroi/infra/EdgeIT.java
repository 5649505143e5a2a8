package app.tamroi.infra;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tamroi.domain.application.TrackingCode;
import app.tamroi.support.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What the public port shows an attacker: redirects that cannot be pointed elsewhere, answers that
 * are not cached or sniffed, nothing for operators, metrics that random paths cannot swell, and
 * sockets that cannot be held open by saying nothing or trickling a request head.
 */
@QuarkusTest
class EdgeIT {

    /** %test sets tamroi.limits.connections.request-head-deadline to 2 s. */
    static final Duration HEAD_DEADLINE = Duration.ofSeconds(2);

    @TestHTTPResource("/")
    URL publicPort;

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @Test
    void redirectsNeverTakeTheHostTheVisitorSent() {
        String fromHome = given().redirects().follow(false).header("Host", "evil.example").get("/")
                .then().statusCode(303).extract().header("Location");
        String fromForm = given().redirects().follow(false).header("Host", "evil.example")
                .header("X-Forwarded-Host", "evil.example").queryParam("code", "7kq2 m9xd").get("/track")
                .then().statusCode(303).extract().header("Location");

        assertEquals("/track", fromHome);
        assertEquals("/track/7kq2%20m9xd", fromForm);
    }

    @Test
    void theJsonApiIsNeitherCachedNorSniffedWhateverItAnswers() {
        List<Response> answers = List.of(
                given().get("/api/v1/track/{code}", "7KQ2-M9XD-R4TB-8B"),                            // 404 of ours
                given().get("/api/v1/agencies/rd/applications/x"),                                   // 401
                given().post("/api/v1/track/{code}", "7KQ2-M9XD-R4TB-8B"),                           // 405
                given().get("/api/v1/no-such-thing"),                                                // 404 of the router
                given().header("Authorization", Tokens.bearer("rd", "event-publisher"))
                        .contentType("text/plain").body("hello").post("/api/v1/events"));             // 415
        List<Integer> statuses = answers.stream().map(Response::statusCode).toList();
        assertEquals(List.of(404, 401, 405, 404, 415), statuses);
        for (Response answer : answers) {
            assertEquals("no-store", answer.header("Cache-Control"), answer.statusCode() + " " + answer.asString());
            assertEquals("nosniff", answer.header("X-Content-Type-Options"), answer.statusCode() + " " + answer.asString());
        }
    }

    @Test
    void aBodyFarOverTheLimitIsRefusedUncachedToo() throws IOException {
        // announced, not sent: the server refuses it from the head alone, before a client could finish sending
        try (Socket socket = connect()) {
            socket.setSoTimeout(5000);
            String head = exchange(socket, "POST /api/v1/events HTTP/1.1\r\nHost: tamroi\r\n"
                    + "Content-Type: application/cloudevents+json\r\nContent-Length: " + (2 * 1024 * 1024 + 1) + "\r\n\r\n");
            assertTrue(head.startsWith("HTTP/1.1 413"), head);
            assertTrue(head.toLowerCase().contains("cache-control: no-store"), head);
            assertTrue(head.toLowerCase().contains("x-content-type-options: nosniff"), head);
        }
    }

    @Test
    void everyTextAnswerNamesItsCharset() {
        List<Response> answers = List.of(
                given().get("/track"),
                given().queryParam("code", " ").get("/track"),
                given().get("/track/{code}", "no-such-code"),
                given().delete("/track"),
                given().get("/bench.txt"));
        for (Response answer : answers) {
            String type = answer.contentType().toLowerCase();
            assertTrue(type.startsWith("text/"), answer.statusCode() + " " + type);
            assertTrue(type.contains("charset=utf-8"), answer.statusCode() + " " + type);
        }
    }

    @Test
    void aMethodNotAllowedSaysWhichAre() {
        given().post("/api/v1/track/{code}", "7KQ2-M9XD-R4TB-8B").then().statusCode(405)
                .header("Allow", containsString("GET"))
                .contentType("application/problem+json");
        given().delete("/track").then().statusCode(405)
                .header("Allow", containsString("GET"))
                .contentType(containsString("text/html"))
                .body(containsString("หน้านี้ตอบคำขอแบบนี้ไม่ได้"));
    }

    @Test
    void operatorsEndpointsAreNotOnThePublicPort() {
        given().get("/q/metrics").then().statusCode(404);
        given().get("/q/health/ready").then().statusCode(404);
        given().get(metrics).then().statusCode(200);
    }

    @Test
    void randomPathsAndCodesAddNoMetricSeries() {
        Random random = new Random(20261124);
        List<String> typed = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String path = "zz" + UUID.randomUUID().toString().replace("-", "");
            String code = TrackingCode.generate(random).grouped();
            typed.add(path);
            typed.add(code);
            given().get("/" + path).then().statusCode(404);
            given().post("/track/" + path).then().statusCode(405);
            given().get("/track/{code}", code).then().statusCode(404);
            given().get("/api/v1/track/{code}", code).then().statusCode(404);
        }

        String exposition = given().get(metrics).then().statusCode(200).extract().asString();

        assertTrue(exposition.contains("uri=\"/track/{trackingCode}\""), "status pages are counted under their template");
        for (String t : typed) {
            assertFalse(exposition.contains(t), "a series was labelled with what a visitor typed: " + t);
        }
    }

    @Test
    void aTrickledRequestHeadIsCutOffAtTheDeadline() throws IOException {
        try (Socket socket = connect()) {
            long began = System.nanoTime();
            byte[] head = "GET /track HTTP/1.1\r\nHost: tamroi\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            // one byte every 250 ms: each resets any idle timer, none completes the head
            socket.setSoTimeout(250);
            boolean closed = false;
            for (int i = 0; i < 40 && !closed; i++) {
                try {
                    out.write(head[i % head.length]);
                    out.flush();
                    closed = in.read() == -1;
                } catch (SocketTimeoutException stillOpen) {
                    // nothing from the server yet; send the next byte
                } catch (IOException reset) {
                    closed = true;
                }
            }
            Duration held = Duration.ofNanos(System.nanoTime() - began);
            assertTrue(closed, "the server still held the connection after " + held);
            assertTrue(held.compareTo(HEAD_DEADLINE.minusMillis(500)) >= 0, "closed before the deadline: " + held);
            assertTrue(held.compareTo(HEAD_DEADLINE.plusSeconds(2)) <= 0, "closed long after the deadline: " + held);
        }
    }

    @Test
    void aConnectionThatSaysNothingIsClosed() throws IOException {
        try (Socket socket = connect()) {
            socket.setSoTimeout((int) HEAD_DEADLINE.plusSeconds(3).toMillis());
            long began = System.nanoTime();
            assertEquals(-1, socket.getInputStream().read(), "the server closes a silent connection");
            assertTrue(Duration.ofNanos(System.nanoTime() - began).compareTo(HEAD_DEADLINE.plusSeconds(2)) <= 0);
        }
    }

    @Test
    void aKeptAliveConnectionMayWaitLongerThanTheDeadlineForItsNextRequest() throws IOException {
        try (Socket socket = connect()) {
            socket.setSoTimeout(5000);
            assertTrue(exchange(socket, "GET /bench.txt HTTP/1.1\r\nHost: tamroi\r\n\r\n").startsWith("HTTP/1.1 200"));

            socket.setSoTimeout((int) HEAD_DEADLINE.plusSeconds(1).toMillis());
            assertThrows(SocketTimeoutException.class, () -> socket.getInputStream().read(),
                    "between requests only the idle timeout counts, not the head deadline");

            socket.setSoTimeout(5000);
            assertTrue(exchange(socket, "GET /bench.txt HTTP/1.1\r\nHost: tamroi\r\n\r\n").startsWith("HTTP/1.1 200"));
        }
    }

    private Socket connect() throws IOException {
        return new Socket(publicPort.getHost(), publicPort.getPort());
    }

    /** Sends a request and reads its answer, whose length the head gives. */
    private static String exchange(Socket socket, String request) throws IOException {
        socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b == -1) {
                throw new IOException("closed after " + head);
            }
            head.append((char) b);
        }
        Matcher length = Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
        assertTrue(length.find(), head.toString());
        in.readNBytes(Integer.parseInt(length.group(1)));
        return head.toString();
    }
}
