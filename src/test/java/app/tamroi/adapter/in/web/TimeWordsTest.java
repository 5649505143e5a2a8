package app.tamroi.adapter.in.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class TimeWordsTest {

    /** A no-break space: "น." stays on the line of its time. */
    static final String NBSP = "\u00a0";
    static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");
    /** Thursday 26 November 2026, 09:00 in Bangkok. */
    static final Instant THURSDAY_MORNING = Instant.parse("2026-11-26T02:00:00Z");

    static final TimeWords THAI = new TimeWords(PageLanguage.TH, BANGKOK, Duration.ofHours(24));
    static final TimeWords ENGLISH = new TimeWords(PageLanguage.EN, BANGKOK, Duration.ofHours(24));
    /** An office day of 08:30–16:30. */
    static final TimeWords THAI_OFFICE_HOURS = new TimeWords(PageLanguage.TH, BANGKOK, Duration.ofHours(8));
    static final TimeWords ENGLISH_OFFICE_HOURS = new TimeWords(PageLanguage.EN, BANGKOK, Duration.ofHours(8));

    @Test
    void thaiDatesUseTheBuddhistEraAndThaiNames() {
        assertEquals("วันพฤหัสบดีที่ 26 พฤศจิกายน 2569 เวลา 09:00" + NBSP + "น.", THAI.dateTime(THURSDAY_MORNING));
        assertEquals("26 พ.ย. 2569 09:00" + NBSP + "น.", THAI.shortDateTime(THURSDAY_MORNING));
    }

    @Test
    void englishDatesUseTheCommonEra() {
        assertEquals("Thursday 26 November 2026, 09:00", ENGLISH.dateTime(THURSDAY_MORNING));
        assertEquals("26 Nov 2026, 09:00", ENGLISH.shortDateTime(THURSDAY_MORNING));
    }

    @Test
    void datesAreSaidInTheServicesZoneNotTheServers() {
        // 23:30 UTC on 31 December is already New Year's Day in Bangkok, in a new Buddhist-era year
        Instant newYear = Instant.parse("2026-12-31T23:30:00Z");
        assertEquals("วันศุกร์ที่ 1 มกราคม 2570 เวลา 06:30" + NBSP + "น.", THAI.dateTime(newYear));
        assertEquals("Thursday 31 December 2026, 18:30",
                new TimeWords(PageLanguage.EN, ZoneId.of("America/New_York"), Duration.ofHours(24)).dateTime(newYear));
    }

    @Test
    void everyThaiMonthHasItsShortName() {
        String[] expected = {"ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."};
        for (int month = 1; month <= 12; month++) {
            Instant first = java.time.LocalDate.of(2026, month, 1).atTime(9, 0).atZone(BANGKOK).toInstant();
            assertEquals("1 " + expected[month - 1] + " 2569 09:00" + NBSP + "น.", THAI.shortDateTime(first));
        }
    }

    @Test
    void aDayAndSomeHours() {
        Duration d = Duration.ofHours(27);
        assertEquals("1 วัน 3 ชม.", THAI.duration(d));
        assertEquals("1 day 3 h", ENGLISH.duration(d));
    }

    @Test
    void aDayIsTheServicesWorkingDay() {
        Duration elevenHours = Duration.ofHours(11);
        assertEquals("1 วัน 3 ชม.", THAI_OFFICE_HOURS.duration(elevenHours));
        assertEquals("11 ชม.", THAI.duration(elevenHours));
    }

    @Test
    void englishCountsDaysInThePlural() {
        assertEquals("2 days", ENGLISH.duration(Duration.ofDays(2)));
        assertEquals("1 day", ENGLISH.duration(Duration.ofDays(1)));
    }

    @Test
    void underADayIsSaidInHoursAndMinutes() {
        assertEquals("3 ชม. 20 นาที", THAI.duration(Duration.ofMinutes(200)));
        assertEquals("3 h 20 min", ENGLISH.duration(Duration.ofMinutes(200)));
        assertEquals("3 ชม.", THAI.duration(Duration.ofHours(3)));
        assertEquals("45 นาที", THAI.duration(Duration.ofMinutes(45)));
        assertEquals("45 min", ENGLISH.duration(Duration.ofMinutes(45)));
    }

    @Test
    void beyondADayMinutesAreRoundedToTheNearestHour() {
        assertEquals("2 วัน 4 ชม.", THAI.duration(Duration.ofHours(51).plusMinutes(30)));
        assertEquals("2 วัน 3 ชม.", THAI.duration(Duration.ofHours(51).plusMinutes(29)));
    }

    @Test
    void hoursThatRoundUpToAWholeDayBecomeADay() {
        assertEquals("6 วัน", THAI.duration(Duration.ofDays(5).plusHours(23).plusMinutes(40)));
        assertEquals("2 days", ENGLISH_OFFICE_HOURS.duration(Duration.ofHours(15).plusMinutes(45)));
    }

    @Test
    void secondsRoundToTheNearestMinuteLikeTheApi() {
        assertEquals("1 นาที", THAI.duration(Duration.ofSeconds(30)));
        assertEquals("1 min", ENGLISH.duration(Duration.ofSeconds(89)));
        assertEquals("2 min", ENGLISH.duration(Duration.ofSeconds(90)));
    }

    @Test
    void aSliverOfTimeIsNotCalledNothing() {
        assertEquals("ไม่ถึง 1 นาที", THAI.duration(Duration.ofSeconds(20)));
        assertEquals("under a minute", ENGLISH.duration(Duration.ofSeconds(20)));
        assertEquals("0 นาที", THAI.duration(Duration.ZERO));
        assertEquals("0 min", ENGLISH.duration(Duration.ZERO));
    }

    @Test
    void thePromiseSaysWorkingDays() {
        assertEquals("6 วันทำการ", THAI.workingDays(Duration.ofDays(6)));
        assertEquals("6 working days", ENGLISH.workingDays(Duration.ofDays(6)));
        assertEquals("1 working day", ENGLISH.workingDays(Duration.ofDays(1)));
        assertEquals("3 วันทำการ", THAI_OFFICE_HOURS.workingDays(Duration.ofHours(24)));
        assertEquals("1 วันทำการ 4 ชม.", THAI_OFFICE_HOURS.workingDays(Duration.ofHours(12)));
        assertEquals("4 h", ENGLISH_OFFICE_HOURS.workingDays(Duration.ofHours(4)));
    }

    @Test
    void aNegativeDurationIsAMistakeOfTheCaller() {
        assertThrows(IllegalArgumentException.class, () -> THAI.duration(Duration.ofMinutes(-5)));
    }
}
