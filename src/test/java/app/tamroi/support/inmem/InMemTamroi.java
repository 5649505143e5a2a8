package app.tamroi.support.inmem;

import app.tamroi.domain.service.Agency;
import app.tamroi.domain.service.LocalizedText;
import app.tamroi.domain.service.ServiceDefinition;
import app.tamroi.support.Defaults;
import app.tamroi.usecase.forecast.Forecasts;
import app.tamroi.usecase.ingest.IngestStepEvents;
import app.tamroi.usecase.ingest.Projector;
import app.tamroi.usecase.timeline.port.Agencies;
import app.tamroi.usecase.timeline.ServiceCatalogue;
import app.tamroi.usecase.track.TrackApplication;
import java.time.Instant;

/**
 * Tamroi's use cases wired over in-memory ports, as Quarkus wires them over PostgreSQL: a use-case
 * test runs in milliseconds and still goes through the same code as a request.
 */
public final class InMemTamroi {

    /** The operator names one agency; any other is shown by its code. */
    public static final Agencies AGENCIES = code -> code.equals("rd")
            ? new Agency("rd", new LocalizedText("กรมสรรพากร", "The Revenue Department")) : Agency.unnamed(code);

    public final ManualClock clock;
    public final InMemEventLog log = new InMemEventLog();
    public final InMemForecastTallies tallies = new InMemForecastTallies();
    public final InMemTransactions transactions = new InMemTransactions(log, tallies);
    public final InMemServiceVersions versions = new InMemServiceVersions();
    public final ServiceCatalogue catalogue;
    public final IngestStepEvents ingest;
    public final TrackApplication track;

    public InMemTamroi(Instant now) {
        clock = new ManualClock(now);
        catalogue = new ServiceCatalogue(versions, clock);
        Forecasts forecasts = new Forecasts(tallies, Defaults.forecastSettings(), clock);
        Projector projector = new Projector(log, catalogue, forecasts);
        ingest = new IngestStepEvents(log, transactions, catalogue, projector, Defaults.limits(), clock);
        track = new TrackApplication(log, projector, AGENCIES, forecasts, clock);
    }

    /** Publishes a version as of {@code at}; the catalogue sees it at once. */
    public InMemTamroi publish(ServiceDefinition definition, int number, Instant at) {
        if (!versions.add(definition, number, at)) {
            throw new IllegalArgumentException(definition.code() + " already has a version " + number);
        }
        catalogue.reload();
        return this;
    }
}
