package app.tamroi.adapter.in.web;

import app.tamroi.domain.journey.JourneyStatus;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * How instants and working durations are said to a citizen: in the service's time zone, Thai with
 * Buddhist-era years, English with Common-era years, and durations in the service's own working
 * days, so that "1 day" on the page means what "1d" means in the agency's promise.
 */
public final class TimeWords {

    /** Keeps "น." on the line of its time: a line that starts with it reads as a stray abbreviation. */
    private static final String BEFORE_NA = "\u00a0";

    /** The Thai Buddhist era counts from 543 BCE. */
    private static final int BUDDHIST_ERA_OFFSET = 543;

    private static final String[] THAI_DAYS = {
        "วันจันทร์", "วันอังคาร", "วันพุธ", "วันพฤหัสบดี", "วันศุกร์", "วันเสาร์", "วันอาทิตย์"};
    private static final String[] THAI_MONTHS = {
        "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
        "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"};
    private static final String[] THAI_SHORT_MONTHS = {
        "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."};

    private final PageLanguage language;
    private final ZoneId zone;
    private final long workingDayMinutes;

    public TimeWords(PageLanguage language, ZoneId zone, Duration workingDay) {
        if (workingDay.toMinutes() < 1) {
            throw new IllegalArgumentException("a working day lasts at least a minute");
        }
        this.language = language;
        this.zone = zone;
        this.workingDayMinutes = workingDay.toMinutes();
    }

    /** "วันพฤหัสบดีที่ 26 พฤศจิกายน 2569 เวลา 09:00 น." or "Thursday 26 November 2026, 09:00". */
    public String dateTime(Instant instant) {
        ZonedDateTime t = instant.atZone(zone);
        if (language == PageLanguage.TH) {
            return date(instant) + " เวลา " + clock(t) + BEFORE_NA + "น.";
        }
        return date(instant) + ", " + clock(t);
    }

    /** "วันอังคารที่ 8 ธันวาคม 2569" or "Tuesday 8 December 2026": a day, where the hour would claim too much. */
    public String date(Instant instant) {
        ZonedDateTime t = instant.atZone(zone);
        if (language == PageLanguage.TH) {
            return THAI_DAYS[t.getDayOfWeek().ordinal()] + "ที่ " + t.getDayOfMonth() + " "
                    + THAI_MONTHS[t.getMonthValue() - 1] + " " + (t.getYear() + BUDDHIST_ERA_OFFSET);
        }
        return english(t.getDayOfWeek()) + " " + t.getDayOfMonth() + " " + english(t.getMonth(), TextStyle.FULL)
                + " " + t.getYear();
    }

    /** "26 พ.ย. 2569 09:00 น." or "26 Nov 2026, 09:00": for the step list, where space is short. */
    public String shortDateTime(Instant instant) {
        ZonedDateTime t = instant.atZone(zone);
        if (language == PageLanguage.TH) {
            return t.getDayOfMonth() + " " + THAI_SHORT_MONTHS[t.getMonthValue() - 1] + " "
                    + (t.getYear() + BUDDHIST_ERA_OFFSET) + " " + clock(t) + BEFORE_NA + "น.";
        }
        return t.getDayOfMonth() + " " + english(t.getMonth(), TextStyle.SHORT) + " " + t.getYear() + ", " + clock(t);
    }

    /** "1 วัน 3 ชม." or "1 day 3 h": a working duration, rounded as a person would say it. */
    public String duration(Duration d) {
        return say(d, false);
    }

    /** "6 วันทำการ" or "6 working days": for the promise, where "working" must be said out loud. */
    public String workingDays(Duration d) {
        return say(d, true);
    }

    private String say(Duration d, boolean working) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("say how far ahead or behind with a positive duration");
        }
        boolean thai = language == PageLanguage.TH;
        long minutes = JourneyStatus.minutes(d);
        if (minutes == 0) {
            if (d.isZero()) {
                return thai ? "0 นาที" : "0 min";
            }
            // "0 min" behind would contradict a status that says behind
            return thai ? "ไม่ถึง 1 นาที" : "under a minute";
        }
        if (minutes >= workingDayMinutes) {
            long days = minutes / workingDayMinutes;
            long hours = Math.round((minutes % workingDayMinutes) / 60.0);
            if (hours * 60 >= workingDayMinutes) {
                days++;
                hours = 0;
            }
            String dayPart = thai ? days + (working ? " วันทำการ" : " วัน")
                    : days + (working ? " working" : "") + (days == 1 ? " day" : " days");
            return hours == 0 ? dayPart : dayPart + " " + hours + (thai ? " ชม." : " h");
        }
        long hours = minutes / 60;
        long rest = minutes % 60;
        String minutePart = rest + (thai ? " นาที" : " min");
        if (hours == 0) {
            return minutePart;
        }
        String hourPart = hours + (thai ? " ชม." : " h");
        return rest == 0 ? hourPart : hourPart + " " + minutePart;
    }

    private static String clock(ZonedDateTime t) {
        return String.format(Locale.ROOT, "%02d:%02d", t.getHour(), t.getMinute());
    }

    private static String english(DayOfWeek day) {
        return day.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    private static String english(Month month, TextStyle style) {
        return month.getDisplayName(style, Locale.ENGLISH);
    }
}
