package app.tamroi.adapter.in.web;

import java.util.Locale;
import java.util.Optional;

/** The languages a citizen page speaks; Thai unless the citizen asked for English. */
public enum PageLanguage {
    TH("th"),
    EN("en");

    /** Name of both the query parameter and the cookie that remembers the choice. */
    public static final String PARAMETER = "lang";

    private final String tag;

    PageLanguage(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }

    public Locale locale() {
        return Locale.forLanguageTag(tag);
    }

    /** The language the switch link offers. */
    public PageLanguage other() {
        return this == TH ? EN : TH;
    }

    public static Optional<PageLanguage> read(String tag) {
        if (tag == null) {
            return Optional.empty();
        }
        String t = tag.trim().toLowerCase(Locale.ROOT);
        for (PageLanguage l : values()) {
            if (l.tag.equals(t)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    /** An explicit request in the link wins over the remembered choice; anything unreadable means Thai. */
    public static PageLanguage choose(String requested, String remembered) {
        return read(requested).or(() -> read(remembered)).orElse(TH);
    }
}
