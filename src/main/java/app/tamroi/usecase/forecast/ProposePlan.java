package app.tamroi.usecase.forecast;

import app.tamroi.domain.forecast.PlanFromHistory;
import app.tamroi.domain.service.ServiceVersion;
import app.tamroi.usecase.NotFoundException;
import app.tamroi.usecase.access.Caller;
import app.tamroi.usecase.timeline.ServiceCatalogue;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;

/** Proposes to the agency that owns a service the timeline its recent history says it can keep. */
@ApplicationScoped
public class ProposePlan {

    private final ServiceCatalogue catalogue;
    private final Forecasts forecasts;
    private final Clock clock;

    public ProposePlan(ServiceCatalogue catalogue, Forecasts forecasts, Clock clock) {
        this.catalogue = catalogue;
        this.forecasts = forecasts;
        this.clock = clock;
    }

    /** Too few journeys have ended in the window to draw a plan from. */
    public static final class NotEnoughHistoryException extends RuntimeException {
        private final long sampleSize;
        private final int minimumSample;
        private final int windowDays;

        NotEnoughHistoryException(String serviceCode, long sampleSize, int minimumSample, int windowDays) {
            super("service '" + serviceCode + "' has " + sampleSize + " ended journeys in the last " + windowDays
                    + " days; a plan is drawn from at least " + minimumSample);
            this.sampleSize = sampleSize;
            this.minimumSample = minimumSample;
            this.windowDays = windowDays;
        }

        public long sampleSize() {
            return sampleSize;
        }

        public int minimumSample() {
            return minimumSample;
        }

        public int windowDays() {
            return windowDays;
        }
    }

    public record Proposed(ServiceVersion from, LocalDate learnedBefore, PlanFromHistory.Proposal proposal) {
    }

    public Proposed propose(Caller caller, String serviceCode) {
        ServiceVersion current = catalogue.history(serviceCode)
                .orElseThrow(() -> new NotFoundException("no service '" + serviceCode + "' has been published"))
                .current();
        caller.requireAgency(current.definition().agency(), "service '" + serviceCode + "'");
        LocalDate today = clock.instant().atZone(current.definition().calendar().zone()).toLocalDate();
        var history = forecasts.history(current, today);
        return PlanFromHistory.propose(current.definition(), history, forecasts.minimumSample())
                .map(p -> new Proposed(current, today, p))
                .orElseThrow(() -> new NotEnoughHistoryException(serviceCode, history.journeys(), forecasts.minimumSample(),
                        history.windowDays()));
    }
}
