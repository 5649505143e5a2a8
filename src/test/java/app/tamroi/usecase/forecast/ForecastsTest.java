package app.tamroi.usecase.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tamroi.domain.forecast.Forecast;
import app.tamroi.domain.forecast.Tally;
import app.tamroi.domain.journey.JourneyStatus;
import app.tamroi.domain.journey.StepEvent;
import app.tamroi.domain.journey.StepEventType;
import app.tamroi.domain.service.ServiceVersion;
import app.tamroi.usecase.forecast.port.ForecastTallies;
import app.tamroi.support.ServerClock;
import app.tamroi.support.StatusFixtures;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How often forecasts read what was learned: a busy status page asks for the same service and
 * day hundreds of times a second, and each read of the tallies is a grouped query and thousands
 * of plays, so no request should wait for one it does not need.
 */
class ForecastsTest {

    private static final ServiceVersion PIT_REFUND = StatusFixtures.version("pit-refund");
    private static final Instant NOON = Instant.parse("2026-06-03T05:00:00Z");

    private final CountedTallies tallies = new CountedTallies();
    private final Forecasts forecasts = new Forecasts(tallies, new Settings(), new ServerClock());
    private final ExecutorService callers = Executors.newFixedThreadPool(8);

    @BeforeEach
    void atNoon() {
        ServerClock.setTo(NOON);
    }

    @AfterEach
    void stopCallers() {
        ServerClock.reset();
        tallies.release();
        callers.shutdownNow();
    }

    @Test
    void callersOfOneServiceAndDayWaitForTheFirstReadInsteadOfEachReadingTheTallies() throws Exception {
        tallies.holdRead(1);
        List<Future<Optional<Forecast>>> answers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            answers.add(callers.submit(() -> {
                synchronized (threads) {
                    threads.add(Thread.currentThread());
                }
                return forecasts.of(openApplication(NOON));
            }));
        }
        Awaitility.await().until(() -> {
            synchronized (threads) {
                return threads.size() == 8 && threads.stream().allMatch(t -> t.getState() == Thread.State.WAITING);
            }
        });
        tallies.release();

        Forecast first = answers.get(0).get().orElseThrow();
        for (Future<Optional<Forecast>> answer : answers) {
            assertEquals(first, answer.get().orElseThrow());
        }
        assertEquals(1, tallies.reads.get());
    }

    @Test
    void onceDueAgainOneCallerReadsAgainWhileTheOthersAnswerFromWhatWasLearned() throws Exception {
        Forecast learned = forecasts.of(openApplication(NOON)).orElseThrow();
        ServerClock.setTo(NOON.plus(Duration.ofSeconds(61)));
        tallies.holdRead(2);
        Future<Optional<Forecast>> rereading = callers.submit(() -> forecasts.of(openApplication(NOON.plus(Duration.ofSeconds(61)))));
        Awaitility.await().until(() -> tallies.reads.get() == 2);

        Forecast meanwhile = forecasts.of(openApplication(NOON)).orElseThrow();
        assertEquals(learned, meanwhile);
        assertEquals(2, tallies.reads.get());
        tallies.release();
        assertTrue(rereading.get().isPresent());
    }

    @Test
    void aFailedReadIsTheCallersFailureAndTheNextCallerReadsAgain() {
        RuntimeException outage = new IllegalStateException("the store is down");
        tallies.failNext(outage);

        assertSame(outage, assertThrows(IllegalStateException.class, () -> forecasts.of(openApplication(NOON))));
        assertTrue(forecasts.of(openApplication(NOON)).isPresent());
        assertEquals(2, tallies.reads.get());
    }

    @Test
    void aNewDayIsReadAfreshWhateverWasReadJustBefore() {
        forecasts.of(openApplication(NOON));
        Instant nextMorning = NOON.plus(Duration.ofHours(20));
        ServerClock.setTo(nextMorning);
        forecasts.of(openApplication(nextMorning));

        assertEquals(List.of(LocalDate.of(2026, 6, 3), LocalDate.of(2026, 6, 4)), tallies.days);
    }

    /** Submitted two hours before {@code now}, so in its first step. */
    private static JourneyStatus openApplication(Instant now) {
        return JourneyStatus.of(PIT_REFUND, List.of(StepEvent.of(StepEventType.SUBMITTED, null,
                now.minus(Duration.ofHours(2)), 0)), now);
    }

    private static final class Settings implements ForecastSettings {

        @Override
        public boolean statistics() {
            return true;
        }

        @Override
        public int minimumSample() {
            return 30;
        }

        @Override
        public int windowDays() {
            return 180;
        }

        @Override
        public int plays() {
            return 100;
        }

        @Override
        public int halfLifeDays() {
            return 0;
        }

        @Override
        public Duration reuseFor() {
            return Duration.ofSeconds(60);
        }

        @Override
        public int keep() {
            return 128;
        }
    }

    /** Tallies that count their reads; a read can be held until released, or made to fail. */
    private static final class CountedTallies implements ForecastTallies {

        final AtomicInteger reads = new AtomicInteger();
        final List<LocalDate> days = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final CountDownLatch released = new CountDownLatch(1);
        private final AtomicInteger held = new AtomicInteger(-1);
        private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

        void holdRead(int number) {
            held.set(number);
        }

        void release() {
            released.countDown();
        }

        void failNext(RuntimeException e) {
            failure.set(e);
        }

        @Override
        public void add(SortedMap<String, Tally> deltas, int shard) {
            throw new UnsupportedOperationException("forecasts only read here");
        }

        @Override
        public List<Counted> forDay(String serviceCode, LocalDate day, LocalDate windowFrom, LocalDate paceFrom) {
            int read = reads.incrementAndGet();
            days.add(day);
            RuntimeException e = failure.getAndSet(null);
            if (e != null) {
                throw e;
            }
            if (read == held.get()) {
                try {
                    released.await();
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(interrupted);
                }
            }
            return List.of();
        }

        @Override
        public void replaceAll(Map<String, Tally> totals) {
            throw new UnsupportedOperationException("forecasts only read here");
        }
    }
}
