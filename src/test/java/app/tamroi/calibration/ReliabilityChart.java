package app.tamroi.calibration;

import app.tamroi.domain.forecast.Forecast;
import java.util.Locale;

/**
 * A reliability chart as SVG text: for each level k/20 of the forecast (x), the share of real ends
 * at or before the forecast at that level (y). A calibrated forecast lies on the diagonal; below
 * it, applications end later than said (the forecast is too early); above it, too late. The p50
 * and p80 points, the two Tamroi tells, are marked.
 */
public final class ReliabilityChart {

    private static final int SIZE = 420;
    private static final int LEFT = 64;
    private static final int TOP = 48;
    private static final int PLOT = 320;

    private ReliabilityChart() {
    }

    public static String svg(String title, Calibration.Figures figures) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" role=\"img\" aria-labelledby=\"title desc\" font-family=\"sans-serif\" font-size=\"12\">%n",
                SIZE, SIZE + 16, SIZE, SIZE + 16));
        s.append("  <title id=\"title\">").append(escape(title)).append("</title>\n");
        s.append("  <desc id=\"desc\">").append(escape(description(figures))).append("</desc>\n");
        s.append(String.format(Locale.ROOT, "  <rect x=\"0\" y=\"0\" width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>%n", SIZE, SIZE + 16));
        s.append(String.format(Locale.ROOT, "  <text x=\"%d\" y=\"24\" font-size=\"14\" font-weight=\"bold\">%s</text>%n",
                LEFT, escape(title)));
        for (int p = 0; p <= 100; p += 20) {
            s.append(String.format(Locale.ROOT, "  <line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#e0e0e0\"/>%n",
                    x(p / 100.0), TOP, x(p / 100.0), TOP + PLOT));
            s.append(String.format(Locale.ROOT, "  <line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#e0e0e0\"/>%n",
                    LEFT, y(p / 100.0), LEFT + PLOT, y(p / 100.0)));
            s.append(String.format(Locale.ROOT, "  <text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d %%</text>%n",
                    x(p / 100.0), TOP + PLOT + 18, p));
            s.append(String.format(Locale.ROOT, "  <text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%d %%</text>%n",
                    LEFT - 6, y(p / 100.0) + 4, p));
        }
        s.append(String.format(Locale.ROOT, "  <rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#606060\"/>%n",
                LEFT, TOP, PLOT, PLOT));
        s.append(String.format(Locale.ROOT, "  <line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#909090\" "
                + "stroke-dasharray=\"4 4\"/>%n", x(0), y(0), x(1), y(1)));
        s.append(String.format(Locale.ROOT, "  <text x=\"%d\" y=\"%d\" text-anchor=\"middle\">forecast level (k/20)</text>%n",
                LEFT + PLOT / 2, TOP + PLOT + 38));
        s.append(String.format(Locale.ROOT, "  <text x=\"16\" y=\"%d\" text-anchor=\"middle\" transform=\"rotate(-90 16 %d)\">"
                + "real ends at or before the forecast</text>%n", TOP + PLOT / 2, TOP + PLOT / 2));
        StringBuilder points = new StringBuilder();
        for (int k = 1; k <= Forecast.LEVELS; k++) {
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(k / 20.0), y(figures.coverage(k))));
        }
        s.append("  <polyline fill=\"none\" stroke=\"#1f5fa8\" stroke-width=\"2\" points=\"")
                .append(points.toString().trim()).append("\"/>\n");
        for (int k = 1; k <= Forecast.LEVELS; k++) {
            boolean told = k == 10 || k == 16;
            s.append(String.format(Locale.ROOT, "  <circle cx=\"%.1f\" cy=\"%.1f\" r=\"%d\" fill=\"%s\"/>%n",
                    x(k / 20.0), y(figures.coverage(k)), told ? 5 : 3, told ? "#c0392b" : "#1f5fa8"));
        }
        label(s, "p50", 10, figures);
        label(s, "p80", 16, figures);
        s.append(String.format(Locale.ROOT, "  <text x=\"%d\" y=\"%d\" fill=\"#606060\">%,d questions; dashed: calibrated; below it: later than said</text>%n",
                LEFT, SIZE + 8, figures.questions()));
        s.append("</svg>\n");
        return s.toString();
    }

    private static void label(StringBuilder s, String name, int k, Calibration.Figures figures) {
        s.append(String.format(Locale.ROOT, "  <text x=\"%.1f\" y=\"%.1f\" fill=\"#c0392b\">%s: %.1f %%</text>%n",
                x(k / 20.0) + 8, y(figures.coverage(k)) + 16, name, 100 * figures.coverage(k)));
    }

    private static String description(Calibration.Figures figures) {
        StringBuilder d = new StringBuilder("Share of real ends at or before the forecast, by level:");
        for (int k = 1; k <= Forecast.LEVELS; k++) {
            d.append(String.format(Locale.ROOT, " %d %%: %.1f %%%s", 5 * k, 100 * figures.coverage(k), k < Forecast.LEVELS ? "," : "."));
        }
        return d.toString();
    }

    private static double x(double share) {
        return LEFT + share * PLOT;
    }

    private static double y(double share) {
        return TOP + (1 - share) * PLOT;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
