package app.tamroi.adapter.in.web;

import app.tamroi.adapter.in.web.PageErrors.Trouble;
import app.tamroi.adapter.in.web.StatusPage.Direction;
import app.tamroi.domain.journey.Status;
import app.tamroi.domain.journey.StepState;
import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every word the citizen pages say, as {@code msg:} in their templates. The texts live in
 * {@code messages/msg_th.properties} (the default locale) and {@code msg_en.properties}, where a
 * translator finds them side by side; the build fails if either lacks one.
 */
@MessageBundle
public interface CitizenTexts {

    // --- every page ---
    @Message String brand();
    @Message String tagline();
    @Message String skipToContent();
    @Message String languageChoice();
    @Message String otherLanguage();
    @Message String noPersonalData();

    // --- the status page ---
    @Message String statusPageTitle(String service);
    @Message String applicationStatus();
    @Message String trackingCode();

    @Message String providedBy(String agency);
    @Message String status(Status status);
    @Message String expectedBy(String when);
    @Message String promisedBy(String when);
    @Message String forecastFromHistory(String mostBy, String halfBy);
    @Message String forecastFromPlan();
    @Message String waitingOnYou();
    @Message String notSubmitted();
    @Message String endedAt(Status status, String when);
    @Message String gap(Direction direction, String amount);
    @Message String finishedGap(Direction direction, String amount);
    @Message String noteFromAgency();
    @Message String details();
    @Message String promise();
    @Message String elapsed(boolean ended);
    @Message String currentStep();
    @Message String timeInCurrentStep();
    @Message String submitted();
    @Message String asOf();
    @Message String steps();
    @Message String stepState(StepState state, boolean citizensStep);
    @Message String target();
    @Message String taken();
    @Message String overTarget(String amount);
    @Message String stepStarted();
    @Message String stepEnded();
    @Message String yourStep();
    @Message String workingTimeNote(String zone);
    @Message String trackAnother();

    // --- looking up a code ---
    @Message String lookupTitle();
    @Message String lookupIntro();
    @Message String codeLabel();
    @Message String codeHint();
    @Message String codeMissing();
    @Message String checkStatus();

    // --- a code that leads nowhere ---
    @Message String notFoundTitle();
    @Message String notFoundCheck();
    @Message String notFoundRecent();
    @Message String tryAgain();

    // --- when a page cannot be given ---
    @Message String troubleTitle(Trouble trouble);
    @Message String troubleText(Trouble trouble);
    @Message String waitThenRetry(long waitSeconds);
}
