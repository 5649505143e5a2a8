package app.tamroi.adapter.out.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.tamroi.domain.calendar.WorkingCalendar;
import app.tamroi.domain.calendar.WorkingDuration;
import app.tamroi.domain.calendar.WorkingHours;
import app.tamroi.domain.service.LocalizedText;
import app.tamroi.domain.service.ServiceDefinition;
import app.tamroi.domain.service.Step;
import app.tamroi.domain.service.StepOwner;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A published version reads back as it was published, whatever the API accepts today. */
class StoredDefinitionTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final ObjectMapper READER = StoredDefinition.reader(JSON);

    static final ServiceDefinition PASSPORT = new ServiceDefinition("passport", "cad",
            new LocalizedText("หนังสือเดินทาง", "Passport"), Optional.of(new LocalizedText("ยื่นคำขอ", "Apply")),
            Optional.of(WorkingDuration.parse("5d")),
            new WorkingCalendar(ZoneId.of("Asia/Bangkok"), EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                    Optional.of(new WorkingHours(LocalTime.of(8, 30), LocalTime.of(16, 30))),
                    Set.of(LocalDate.parse("2026-12-10"), LocalDate.parse("2026-12-31"))),
            new BigDecimal("0.15"), new BigDecimal("0.75"),
            List.of(new Step("received", new LocalizedText("รับเรื่อง", "Received"), WorkingDuration.parse("4h"), StepOwner.AGENCY),
                    new Step("documents", new LocalizedText("ส่งเอกสาร", "Documents"), WorkingDuration.parse("2d"), StepOwner.CITIZEN),
                    new Step("printing", new LocalizedText("พิมพ์", "Printing"), WorkingDuration.parse("3d"), StepOwner.AGENCY)));

    @Test
    void aDefinitionReadsBackAsItWasWritten() throws Exception {
        String row = JSON.writeValueAsString(StoredDefinition.of(PASSPORT));
        assertEquals(PASSPORT, StoredDefinition.read(READER, row).toDefinition());
    }

    @Test
    void aRowOfTheFirstFormatWithFieldsNoLongerKnownStillReads() throws Exception {
        String row = """
                {"code":"refund","agency":"rd","name":{"th":"คืนภาษี","en":"Refund"},"retired":true,
                 "calendar":{"zone":"Asia/Bangkok","workingDays":["MON","TUE","WED","THU","FRI"],
                             "holidays":["2026-12-10",{"date":"2026-12-31","name":"New Year's Eve"}]},
                 "aheadFraction":"0.10","atRiskFraction":"0.8",
                 "steps":[{"code":"received","name":{"th":"รับเรื่อง","en":"Received"},"target":"1d","owner":"AGENCY"},
                          {"code":"transfer","name":{"th":"โอนเงิน"},"target":"1d"}]}""";
        ServiceDefinition read = StoredDefinition.read(READER, row).toDefinition();
        assertEquals(Set.of(LocalDate.parse("2026-12-10"), LocalDate.parse("2026-12-31")), read.calendar().holidays());
        assertEquals("โอนเงิน", read.step("transfer").orElseThrow().name().en());
        assertEquals(StepOwner.AGENCY, read.step("transfer").orElseThrow().owner());
    }

    @Test
    void aRowWithoutStepsIsUnreadableRatherThanAnEmptyService() throws Exception {
        String row = JSON.writeValueAsString(StoredDefinition.of(PASSPORT)).replace("\"steps\"", "\"stepz\"");
        StoredDefinition stored = StoredDefinition.read(READER, row);
        assertThrows(IllegalArgumentException.class, stored::toDefinition);
    }
}
