package app.tamroi.domain.service;

import java.util.Locale;

/** A text in Thai and English; Thai is the default language of the service. */
public record LocalizedText(String th, String en) {

    public LocalizedText {
        if (isBlank(th) && isBlank(en)) {
            throw new IllegalArgumentException("a name needs at least a Thai or an English text");
        }
        th = isBlank(th) ? en : th;
        en = isBlank(en) ? th : en;
    }

    public String in(Locale locale) {
        return "en".equals(locale.getLanguage()) ? en : th;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
