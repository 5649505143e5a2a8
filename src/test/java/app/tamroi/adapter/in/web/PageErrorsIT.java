package app.tamroi.adapter.in.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import app.tamroi.domain.application.TrackingCode;
import app.tamroi.usecase.StoreUnavailableException;
import app.tamroi.usecase.track.TrackApplication;
import app.tamroi.usecase.track.TrackedApplication;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * When a status page cannot be made, the citizen still gets a page, in their language, that says
 * what happened and what to do; never JSON, never a stack trace. The failure is forced by a
 * stand-in for the use case, installed for one test at a time.
 */
@QuarkusTest
class PageErrorsIT {

    static final String CODE = TrackingCode.generate(new Random(20261125)).grouped();

    @Test
    void anUnexpectedFailureIsAnApologyInThai() {
        failWith(() -> new IllegalStateException("boom at line 42"));

        given().get("/track/{code}", CODE).then()
                .statusCode(500)
                .contentType(containsString("text/html;charset=UTF-8"))
                .header("Cache-Control", "no-store")
                .body(containsString("ระบบของเราขัดข้อง"))
                .body(containsString("โปรดลองใหม่อีกครั้ง"))
                .body(not(containsString("boom")))
                .body(not(containsString("IllegalStateException")));
    }

    @Test
    void andInEnglishWhenAskedFor() {
        failWith(() -> new IllegalStateException("boom"));

        given().cookie("lang", "en").get("/track/{code}", CODE).then()
                .statusCode(500)
                .body(containsString("<html lang=\"en\">"))
                .body(containsString("Something went wrong on our side"));
    }

    @Test
    void aDatabaseOutOfReachAsksForAFewMinutes() {
        failWith(() -> new StoreUnavailableException(new java.sql.SQLException("the connection was closed", "08006")));

        given().get("/track/{code}", CODE).then()
                .statusCode(503)
                .header("Retry-After", "5")
                .contentType(containsString("text/html"))
                .body(containsString("ยังแสดงสถานะคำขอไม่ได้ในขณะนี้"));
    }

    private static void failWith(Supplier<RuntimeException> failure) {
        QuarkusMock.installMockForType(new TrackApplication(null, null, null, null, null) {
            @Override
            public Optional<TrackedApplication> byTrackingCode(String written) {
                throw failure.get();
            }
        }, TrackApplication.class);
    }
}
