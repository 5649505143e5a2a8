package app.tamroi.adapter.in.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tamroi.domain.application.TrackingCode;
import app.tamroi.support.Api;
import app.tamroi.support.ServerClock;
import app.tamroi.support.StatusFixtures;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The citizen's page as a citizen meets it: a refund published by the agency, events posted by its
 * back office, then the page read with a tracking code, in Thai unless English is asked for.
 */
@QuarkusTest
class TrackPageIT {

    static final String AGENCY = "rd-web";
    static final String SERVICE = "web-pit-refund";
    /** Monday 23 November 2026, 09:00 in Bangkok: a week after the refunds below were claimed. */
    static final Instant MONDAY_WEEK_LATER = at("2026-11-23T09:00:00+07:00");

    static final String TIMELINE = """
            {"code": "web-pit-refund", "agency": "rd-web",
             "name": {"th": "คืนเงินภาษีเงินได้บุคคลธรรมดา", "en": "Personal income tax refund"},
             "promise": "6d",
             "calendar": {"zone": "Asia/Bangkok", "workingDays": ["MON", "TUE", "WED", "THU", "FRI"],
                          "holidays": ["2026-12-07", "2026-12-10"]},
             "steps": [
               {"code": "received", "name": {"th": "รับคำขอคืนภาษี", "en": "Received"}, "target": "1d"},
               {"code": "verification", "name": {"th": "ตรวจสอบข้อมูลและเอกสารประกอบ", "en": "Verification"}, "target": "2d"},
               {"code": "approval", "name": {"th": "อนุมัติคืนภาษี", "en": "Approval"}, "target": "2d"},
               {"code": "transfer", "name": {"th": "โอนเงินคืนเข้าบัญชีพร้อมเพย์", "en": "Refund transfer"}, "target": "1d"}
             ]}
            """;

    static final String NOTE = "มีผู้ขอคืนภาษีจำนวนมากในช่วงนี้ การตรวจสอบเอกสารจึงใช้เวลานานกว่าปกติ ขออภัยในความล่าช้า";

    /** Publishing the same timeline again makes no new version, so every test may ensure it. */
    @BeforeEach
    void agencyPublishesTheRefund() throws IOException {
        int status = Api.publish(AGENCY, StatusFixtures.JSON.readTree(TIMELINE)).statusCode();
        assertTrue(status == 200 || status == 201, "published: " + status);
    }

    @AfterEach
    void realTimeAgain() {
        ServerClock.reset();
    }

    @Test
    void aRefundRunningBehindIsExplainedInThaiByDefault() throws IOException {
        String code = refundStuckInVerification("behind-th");

        Response response = given().get("/track/{code}", code);
        String html = response.then().statusCode(200).contentType("text/html").extract().asString();
        save(html, "track-th.html");
        String text = visibleText(html);

        assertTrue(html.contains("<html lang=\"th\">"), "the page declares Thai");
        assertTrue(text.contains("คืนเงินภาษีเงินได้บุคคลธรรมดา"), "the service's Thai name");
        assertTrue(text.contains(TrackingCode.read(code).orElseThrow().grouped()), "the code, in groups");
        assertTrue(text.contains("ล่าช้ากว่ากำหนด"), "the status in words");
        assertTrue(text.contains("คาดว่าจะเสร็จ วันพฤหัสบดีที่ 26 พฤศจิกายน 2569 เวลา 09:00 น."), "the honest estimate, in the Buddhist era");
        assertTrue(text.contains("ช้ากว่าที่สัญญาไว้ 2 วัน"), "how far behind");
        assertTrue(text.contains("กำหนดเสร็จตามที่สัญญาไว้ วันอังคารที่ 24 พฤศจิกายน 2569 เวลา 09:00 น."), "the promised date");
        assertTrue(text.contains("สัญญาไว้ 6 วันทำการ"), "the promise");
        assertTrue(text.contains("ใช้เวลาไปแล้ว 5 วัน"), "the working time so far, weekend left out");
        assertTrue(text.contains(NOTE), "the agency's note");
        assertTrue(text.contains("ยื่นคำขอเมื่อ 16 พ.ย. 2569 09:00 น."), "the submission, in the service's zone");
        assertFalse(html.contains("<script"), "no script at all");
        assertTrue(response.header("Content-Security-Policy").contains("default-src 'none'"), "nor could one run");
        assertEquals("no-referrer", response.header("Referrer-Policy"), "the code in the address is not passed on");

        String current = currentStep(html);
        assertTrue(current.contains("ตรวจสอบข้อมูลและเอกสารประกอบ"), "verification is the marked step");
        assertTrue(current.contains("กำลังดำเนินการ"), "its state in words");
        assertTrue(current.contains("เกินเป้าหมาย 2 วัน"), "and how far it overran its target");
        assertEquals(4, count(html, "<li class=\"step"), "every step is listed");
        assertTrue(text.contains("รับคำขอคืนภาษี เสร็จแล้ว"), "the first step is done");
        assertTrue(text.contains("อนุมัติคืนภาษี ยังไม่ถึงขั้นตอนนี้"), "a later step has not started");
    }

    @Test
    void englishOnRequestAndRememberedAfterwards() throws IOException {
        String code = refundStuckInVerification("behind-en");

        Response response = given().queryParam("lang", "en").get("/track/{code}", code);
        String html = response.then().statusCode(200).extract().asString();
        save(html, "track-en.html");
        String text = visibleText(html);

        assertTrue(html.contains("<html lang=\"en\">"), "the page declares English");
        assertTrue(text.contains("Personal income tax refund"));
        assertTrue(text.contains("Behind schedule"));
        assertTrue(text.contains("Expected by Thursday 26 November 2026, 09:00"));
        assertTrue(text.contains("2 days behind the promise"));
        assertTrue(text.contains("Promised within 6 working days"));
        assertTrue(currentStep(html).contains("Verification"));
        assertTrue(currentStep(html).contains("In progress"));
        assertFalse(text.contains("2569"), "no Buddhist-era year in English");
        assertTrue(html.contains("href=\"?lang=th\""), "a way back to Thai");

        String remembered = response.getCookie("lang");
        assertEquals("en", remembered, "the choice is remembered");
        String next = given().cookie("lang", remembered).get("/track/{code}", code).then().statusCode(200).extract().asString();
        assertTrue(next.contains("<html lang=\"en\">"), "the next visit, from a bare link, is in English too");
    }

    @Test
    void waitingForTheCitizenSaysTheClockIsStopped() {
        ServerClock.setTo(MONDAY_WEEK_LATER);
        String code = submit("waiting", "2026-11-16T09:00:00+07:00");
        post("waiting", 1, "tamroi.step.completed", "received", "2026-11-17T09:00:00+07:00", null);
        post("waiting", 2, "tamroi.application.paused", null, "2026-11-17T10:00:00+07:00", null);

        String text = visibleText(given().get("/track/{code}", code).then().statusCode(200).extract().asString());

        assertTrue(text.contains("รอเอกสารจากท่าน"));
        assertTrue(text.contains("ระหว่างนี้ไม่นับเวลา"));
        assertFalse(text.contains("คาดว่าจะเสร็จ"), "no estimate while the clock is stopped");
    }

    @Test
    void aRefundCompletedEarlySaysHowEarly() {
        ServerClock.setTo(MONDAY_WEEK_LATER);
        String code = submit("early", "2026-11-16T09:00:00+07:00");
        post("early", 1, "tamroi.application.completed", null, "2026-11-20T09:00:00+07:00", null);

        String text = visibleText(given().get("/track/{code}", code).then().statusCode(200).extract().asString());

        assertTrue(text.contains("เสร็จสิ้นตรงเวลา"));
        assertTrue(text.contains("เสร็จสิ้นเมื่อวันศุกร์ที่ 20 พฤศจิกายน 2569 เวลา 09:00 น."));
        assertTrue(text.contains("เสร็จเร็วกว่าที่สัญญาไว้ 2 วัน"));
        assertTrue(text.contains("ใช้เวลาทั้งหมด 4 วัน"));
    }

    @Test
    void unknownAndMalformedCodesMeetTheSameHelpfulPage() throws IOException {
        String unknown = TrackingCode.generate(new Random(20261123)).grouped();

        Response forUnknown = given().get("/track/{code}", unknown);
        Response forMalformed = given().get("/track/{code}", "not-a-code");

        forUnknown.then().statusCode(404).contentType("text/html");
        forMalformed.then().statusCode(404).contentType("text/html");
        save(forUnknown.asString(), "track-not-found-th.html");
        String text = visibleText(forUnknown.asString());
        assertEquals(text, visibleText(forMalformed.asString()), "nothing tells a wrong code from an unknown one");
        String withSlash = given().urlEncodingEnabled(false).get("/track/7KQ2/M9XD").then().statusCode(404).extract().asString();
        assertEquals(text, visibleText(withSlash), "not even a code with a slash in it");
        assertTrue(text.contains("ไม่พบคำขอจากรหัสนี้"));
        assertTrue(text.contains("ลองกรอกรหัสอีกครั้ง"));
        assertTrue(forUnknown.asString().contains("<form method=\"get\" action=\"/track\">"), "a form to try again");

        String english = given().queryParam("lang", "en").get("/track/{code}", "not-a-code").then().statusCode(404).extract().asString();
        assertTrue(english.contains("<html lang=\"en\">"));
        assertTrue(visibleText(english).contains("We could not find an application with this code"));
    }

    @Test
    void theFormTakesTheCodeHoweverItIsTyped() throws IOException {
        ServerClock.setTo(MONDAY_WEEK_LATER);
        String code = submit("typed", "2026-11-16T09:00:00+07:00");
        String grouped = TrackingCode.read(code).orElseThrow().grouped();
        String typed = " " + grouped.replace("-", " ").toLowerCase() + " ";

        String form = given().get("/track").then().statusCode(200).extract().asString();
        save(form, "track-lookup-th.html");
        assertTrue(visibleText(form).contains("ติดตามสถานะคำขอ"));
        assertTrue(form.contains("name=\"code\""));

        String location = given().redirects().follow(false).queryParam("code", typed).get("/track")
                .then().statusCode(303).extract().header("Location");
        assertTrue(location.endsWith("/track/" + grouped), location);
        String page = given().get(location).then().statusCode(200).extract().asString();
        assertTrue(visibleText(page).contains("คืนเงินภาษีเงินได้บุคคลธรรมดา"));

        given().get("/track/{code}", grouped.replace("-", "").toLowerCase()).then().statusCode(200);
    }

    @Test
    void anEmptyFormAsksForTheCode() {
        String html = given().queryParam("code", "  ").get("/track").then().statusCode(400).extract().asString();
        assertTrue(visibleText(html).contains("โปรดกรอกรหัสติดตาม"));
    }

    // --- the agency's back office, and what the citizen sees ---

    /** Claimed Monday 16 November, received the next day, in verification since: four days on a two-day target. */
    private String refundStuckInVerification(String subject) {
        ServerClock.setTo(MONDAY_WEEK_LATER);
        String code = submit(subject, "2026-11-16T09:00:00+07:00");
        post(subject, 1, "tamroi.step.completed", "received", "2026-11-17T09:00:00+07:00", NOTE);
        return code;
    }

    private static String submit(String subject, String time) {
        return post(subject, 0, "tamroi.application.submitted", null, time, null).path("trackingCode");
    }

    private static Response post(String subject, int n, String type, String step, String time, String note) {
        ObjectNode event = Api.event(subject + "-" + n, type, subject, time, SERVICE, step);
        if (note != null) {
            ((ObjectNode) event.get("data")).put("publicNote", note);
        }
        Response response = Api.postEvent(AGENCY, event);
        response.then().statusCode(200);
        assertEquals("APPLIED", response.path("outcome"), response.asString());
        return response;
    }

    private static String currentStep(String html) {
        Matcher m = Pattern.compile("<li[^>]*aria-current=\"step\"[^>]*>(.*?)</li>", Pattern.DOTALL).matcher(html);
        assertTrue(m.find(), "one step is marked as the current one");
        String current = visibleText(m.group(1));
        assertFalse(m.find(), "only one step is current");
        return current;
    }

    /** The words on the screen, roughly as a screen reader reads them out. */
    static String visibleText(String html) {
        return html.replaceAll("(?s)<head>.*?</head>", " ")
                .replaceAll("(?s)<[^>]*aria-hidden=\"true\"[^>]*>.*?</[a-z]+>", " ")
                .replaceAll("<[^>]+>", " ")
                .replace("&amp;", "&").replace("&quot;", "\"").replace("&#39;", "'").replace('\u00a0', ' ')
                .replaceAll("\\s+", " ").strip();
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    private static Instant at(String time) {
        return OffsetDateTime.parse(time).toInstant();
    }

    /** For the screenshots in docs/screenshots: the page exactly as served, style included. */
    private static void save(String html, String name) throws IOException {
        Files.writeString(Path.of("target", name), html, StandardCharsets.UTF_8);
    }
}
