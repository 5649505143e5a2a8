package app.tamroi.domain.calendar;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A duration as an agency writes it: {@code 6d} working days, {@code 4h} working hours, {@code 30m}
 * minutes. What a day means depends on the calendar, so this stays symbolic until a calendar
 * turns it into real working time.
 */
public record WorkingDuration(long amount, Unit unit) {

    public enum Unit { DAYS, HOURS, MINUTES }

    private static final Pattern FORM = Pattern.compile("(\\d{1,6})\\s*([dhm])");

    public WorkingDuration {
        if (amount <= 0) {
            throw new IllegalArgumentException("a duration must be positive");
        }
        if (unit == null) {
            throw new IllegalArgumentException("a duration needs a unit");
        }
    }

    /** Parses {@code 6d}, {@code 4h} or {@code 30m}; anything else is refused with a reason. */
    public static WorkingDuration parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("a duration is required, written like 6d, 4h or 30m");
        }
        Matcher m = FORM.matcher(text.trim().toLowerCase(Locale.ROOT));
        // the record refuses a zero too, but without saying what was written or how to write it
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a duration: write a positive whole number and d, h or m, like 6d, 4h or 30m");
        }
        long amount = Long.parseLong(m.group(1));
        Unit unit = switch (m.group(2)) {
            case "d" -> Unit.DAYS;
            case "h" -> Unit.HOURS;
            default -> Unit.MINUTES;
        };
        return new WorkingDuration(amount, unit);
    }

    @Override
    public String toString() {
        return amount + switch (unit) {
            case DAYS -> "d";
            case HOURS -> "h";
            case MINUTES -> "m";
        };
    }
}
