package app.tamroi.usecase;

import java.util.Optional;

/**
 * What text Tamroi accepts from a sender. PostgreSQL cannot hold U+0000, a lone UTF-16 surrogate
 * has no UTF-8 form (the driver would store it as '?', so the text read back differs from the text
 * sent), and control characters in codes and ids only ever come from bugs or attacks. Prose (notes,
 * names, descriptions) may carry tabs and line breaks.
 */
public final class InputText {

    private InputText() {
    }

    /** Why a code, id or other single-line value cannot be accepted, if it cannot. */
    public static Optional<String> flawInLine(String value) {
        return flaw(value, false);
    }

    /** Why a free text cannot be accepted, if it cannot. */
    public static Optional<String> flawInProse(String value) {
        return flaw(value, true);
    }

    private static Optional<String> flaw(String value, boolean prose) {
        if (value == null) {
            return Optional.empty();
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
                continue;
            }
            if (Character.isSurrogate(c)) {
                return Optional.of("contains a lone surrogate " + codePoint(c) + " at position " + (i + 1)
                        + ", which is not a character; send UTF-8 text");
            }
            boolean lineBreakOrTab = c == '\t' || c == '\n' || c == '\r';
            if (Character.isISOControl(c) && !(prose && lineBreakOrTab)) {
                return Optional.of("contains the control character " + codePoint(c) + " at position " + (i + 1));
            }
        }
        return Optional.empty();
    }

    private static String codePoint(char c) {
        return String.format("U+%04X", (int) c);
    }
}
