package app.tamroi.calibration;

import app.tamroi.calibration.CalibrationDoc.Measured;
import app.tamroi.support.ServerClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Writes {@code docs/forecast-calibration.md} and its charts: the synthetic workload and the
 * helpdesk log, each replayed through Tamroi and asked at every prefix of its test cases. Not part
 * of the normal test run (its name matches neither *Test nor *IT); {@code mvn -B verify -Pcalibrate}
 * runs it alone.
 *
 * <p>{@code -Dcalibrate.path=domain} asks the domain alone instead ({@link DomainForecasts}: no
 * replay, the same answers, a few minutes less), for trying a change to the forecaster; the
 * document says which path its figures came from.
 */
@QuarkusTest
class CalibrationRun {

    static final String COMMAND = "mvn -B verify -Pcalibrate";

    @Inject
    TamroiReplay tamroi;

    @AfterEach
    void realTime() {
        ServerClock.reset();
    }

    @Test
    void writesTheCalibrationDocument() throws Exception {
        boolean domainOnly = "domain".equals(System.getProperty("calibrate.path"));
        Instant started = Instant.now();
        List<Measured> runs = new ArrayList<>();
        runs.add(measure(() -> SyntheticWorkload.generate(SyntheticWorkload.Settings.full()), domainOnly));
        runs.add(measure(() -> HelpdeskWorkload.read(HelpdeskWorkload.LOG), domainOnly));
        CalibrationDoc.write(Path.of("docs"), runs, COMMAND + (domainOnly ? " -Dcalibrate.path=domain" : ""), Instant.now(),
                Duration.between(started, Instant.now()));
        System.out.println("calibration: wrote docs/" + CalibrationDoc.FILE);
    }

    private Measured measure(Callable<Workload> make, boolean domainOnly) throws Exception {
        Instant t0 = Instant.now();
        Workload workload = make.call();
        Instant t1 = Instant.now();
        System.out.printf("calibration: %s, %,d cases made or read in %s%n", workload.name(), workload.cases().size(),
                Duration.between(t0, t1));
        AsOfForecasts forecasts;
        String path;
        if (domainOnly) {
            forecasts = new DomainForecasts(workload);
            path = "the domain alone";
        } else {
            tamroi.replay(workload);
            forecasts = tamroi.forecasts(workload);
            path = "`TrackApplication.forAgency` (asOf)";
        }
        Instant t2 = Instant.now();
        System.out.printf("calibration: %s replayed in %s%n", workload.name(), Duration.between(t1, t2));
        Calibration calibration = Evaluation.run(workload, forecasts,
                asked -> System.out.printf("calibration: %s, %,d questions asked%n", workload.name(), asked));
        Instant t3 = Instant.now();
        System.out.printf("calibration: %s, %,d questions in %s%n", workload.name(), calibration.answers().size(),
                Duration.between(t2, t3));
        return new Measured(calibration, path, Duration.between(t0, t1), domainOnly ? Duration.ZERO : Duration.between(t1, t2),
                Duration.between(t2, t3));
    }
}
