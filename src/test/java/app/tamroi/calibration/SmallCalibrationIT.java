package app.tamroi.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tamroi.support.ServerClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The calibration of {@code docs/forecast-calibration.md} in a small form: the same seeded refund
 * office at a fifteenth of the size (about 1,500 refunds, 900 questions of 300 test cases),
 * replayed and asked through the same code.
 */
@QuarkusTest
class SmallCalibrationIT {

    /**
     * The full run is held to 80 ± 3 %; this small form cannot be. Its 900 questions come from about
     * 300 test cases, and the questions of one case share one real end, so sampling alone moves the
     * coverage by about ±4.6 points (two standard errors of 300 independent answers); and a surge
     * in an office of three approval officers is itself a matter of chance: over twelve seeds, the
     * domain-only calibration of this form had a standard deviation of about 5 points. ±10 points
     * is two of those: wide enough that a change of seed does not fail it, narrow enough that a
     * forecaster whose p80 is really a p50 or a p95 does.
     */
    static final double BAND = 0.10;

    @Inject
    TamroiReplay tamroi;

    /** Replayed and asked once for both tests: Quarkus and its database outlive a test. */
    private static Calibration asked;

    private Calibration askedThroughTamroi() {
        if (asked == null) {
            Workload office = SyntheticWorkload.generate(SyntheticWorkload.Settings.small());
            tamroi.replay(office);
            asked = Evaluation.run(office, tamroi.forecasts(office));
        }
        return asked;
    }

    @AfterEach
    void realTime() {
        ServerClock.reset();
    }

    @Test
    void eightInTenRefundsEndByTheirP80DateOnASmallSeededOffice() {
        Calibration calibration = askedThroughTamroi();

        double coverage = calibration.figures().p80Coverage();
        assertTrue(Math.abs(coverage - 0.80) <= BAND, String.format("p80 coverage %.3f on %d questions", coverage,
                calibration.answered().size()));
    }

    @Test
    void theReadPathAnswersExactlyAsTheDomainDoesFromTheSameLog() {
        Calibration calibration = askedThroughTamroi();
        Workload office = calibration.workload();

        // so the domain-only calibration (minutes, no database) can be trusted for trying a forecaster change
        assertEquals(Evaluation.run(office, new DomainForecasts(office)).answers(), calibration.answers());
    }
}
