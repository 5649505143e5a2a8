package app.tamroi.domain.application;

import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * What a citizen types to follow an application: 13 Crockford base32 symbols (65 random bits) and
 * a check symbol, read aloud in groups ({@code 7KQ2-M9XD-R4TB-8B}). Reading ignores case, spaces
 * and dashes and takes I and L for 1, O for 0, so a code copied from paper or dictated still works.
 */
public record TrackingCode(String value) {

    private static final String SYMBOLS = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    /** Crockford's check symbols beyond the 32 are awkward to read aloud or type; codes that need one are redrawn. */
    private static final int CHECK_MODULUS = 37;
    private static final int DATA_LENGTH = 13;

    public TrackingCode {
        if (value == null || value.length() != DATA_LENGTH + 1 || !valid(value)) {
            throw new IllegalArgumentException("not a tracking code");
        }
    }

    public static TrackingCode generate(RandomGenerator random) {
        while (true) {
            StringBuilder data = new StringBuilder(DATA_LENGTH + 1);
            for (int i = 0; i < DATA_LENGTH; i++) {
                data.append(SYMBOLS.charAt(random.nextInt(32)));
            }
            int check = checkValue(data);
            if (check < SYMBOLS.length()) {
                return new TrackingCode(data.append(SYMBOLS.charAt(check)).toString());
            }
        }
    }

    /** A code as a person wrote it; empty when it is malformed or its check symbol does not match. */
    public static Optional<TrackingCode> read(String written) {
        if (written == null || written.length() > 40) {
            return Optional.empty();
        }
        StringBuilder normal = new StringBuilder();
        for (char c : written.toUpperCase(java.util.Locale.ROOT).toCharArray()) {
            switch (c) {
                case ' ', '-', '\t' -> { }
                case 'I', 'L' -> normal.append('1');
                case 'O' -> normal.append('0');
                default -> normal.append(c);
            }
        }
        String code = normal.toString();
        return code.length() == DATA_LENGTH + 1 && valid(code) ? Optional.of(new TrackingCode(code)) : Optional.empty();
    }

    /** For reading aloud: groups of four. */
    public String grouped() {
        return value.substring(0, 4) + "-" + value.substring(4, 8) + "-" + value.substring(8, 12) + "-" + value.substring(12);
    }

    @Override
    public String toString() {
        return grouped();
    }

    private static boolean valid(String code) {
        for (int i = 0; i < code.length(); i++) {
            if (SYMBOLS.indexOf(code.charAt(i)) < 0) {
                return false;
            }
        }
        return checkValue(code.substring(0, DATA_LENGTH)) == SYMBOLS.indexOf(code.charAt(DATA_LENGTH));
    }

    private static int checkValue(CharSequence data) {
        int remainder = 0;
        for (int i = 0; i < data.length(); i++) {
            remainder = (remainder * 32 + SYMBOLS.indexOf(data.charAt(i))) % CHECK_MODULUS;
        }
        return remainder;
    }
}
