package app.tamroi.adapter.in.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PageLanguageTest {

    @Test
    void thaiUnlessEnglishIsAskedFor() {
        assertEquals(PageLanguage.TH, PageLanguage.choose(null, null));
        assertEquals(PageLanguage.TH, PageLanguage.choose("fr", "de"));
    }

    @Test
    void theLinkWinsOverTheRememberedChoice() {
        assertEquals(PageLanguage.EN, PageLanguage.choose(" EN ", "th"));
        assertEquals(PageLanguage.TH, PageLanguage.choose("th", "en"));
    }

    @Test
    void theRememberedChoiceHoldsWithoutALink() {
        assertEquals(PageLanguage.EN, PageLanguage.choose(null, "en"));
        assertEquals(PageLanguage.EN, PageLanguage.choose("", "en"));
    }
}
