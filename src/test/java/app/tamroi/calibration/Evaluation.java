package app.tamroi.calibration;

import app.tamroi.calibration.Calibration.Answer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * The protocol of the published figures: cases ordered by their first event, the last fifth are
 * the test cases, and each is asked at every prefix of 2 … n−1 events, as of that event's time.
 */
public final class Evaluation {

    private Evaluation() {
    }

    public static Calibration run(Workload workload, AsOfForecasts forecasts) {
        return run(workload, forecasts, done -> { });
    }

    /** @param progress told the number of questions asked so far, every thousand */
    public static Calibration run(Workload workload, AsOfForecasts forecasts, IntConsumer progress) {
        NaiveForecast byStep = NaiveForecast.learn(workload, NaiveForecast.Key.CURRENT_STEP);
        NaiveForecast byActivity = NaiveForecast.learn(workload, NaiveForecast.Key.LAST_ACTIVITY);
        List<Answer> answers = new ArrayList<>();
        for (LoggedCase c : workload.test()) {
            for (int k = 2; k < c.events().size(); k++) {
                answers.add(new Answer(c, k, forecasts.at(c.subject(), c.at(k)), byStep.at(c, k), byActivity.at(c, k)));
                if (answers.size() % 1000 == 0) {
                    progress.accept(answers.size());
                }
            }
        }
        return new Calibration(workload, answers);
    }
}
