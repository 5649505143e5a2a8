package app.tamroi.support;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The application's clock in tests: the real time unless a test sets it, so that vectors dated
 * after today can be replayed with "now" where the vector puts it.
 */
public class ServerClock extends Clock {

    private static volatile Instant fixed;

    public static void setTo(Instant instant) {
        fixed = instant;
    }

    public static void reset() {
        fixed = null;
    }

    @Produces
    @Singleton
    @Alternative
    @Priority(1)
    static Clock clock() {
        return new ServerClock();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        Instant f = fixed;
        return f != null ? f : Instant.now();
    }
}
