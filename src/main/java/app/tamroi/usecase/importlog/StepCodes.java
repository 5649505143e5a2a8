package app.tamroi.usecase.importlog;

import java.text.Normalizer;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Which step of the service each activity of a log stands for: as an agency's mapping file says,
 * or a slug of the activity's name ("Take in charge ticket" is step {@code take-in-charge-ticket}).
 */
public final class StepCodes {

    /** Room for a numbered suffix ("-2") inside the 64 characters a step code may have. */
    static final int MAX_SLUG = 56;

    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern NOT_CODE = Pattern.compile("[^a-z0-9]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private final Map<String, String> byActivity;
    private final boolean fromMapping;

    private StepCodes(Map<String, String> byActivity, boolean fromMapping) {
        this.byActivity = Map.copyOf(byActivity);
        this.fromMapping = fromMapping;
    }

    /** What an agency wrote: activity to step code; several activities may share a step. */
    public static StepCodes mapped(Map<String, String> mapping) {
        mapping.forEach((activity, step) -> {
            if (step == null || !CODE.matcher(step).matches()) {
                throw new InvalidEventLogException("the mapping gives activity '" + activity + "' the step code '" + step
                        + "': a step code is 1–64 lower-case letters, digits or dashes");
            }
        });
        return new StepCodes(mapping, true);
    }

    /**
     * A slug per activity. Two names with the same slug ("Resolve ticket", "resolve-ticket") are told
     * apart by a number, given in the order of the names themselves, so the same activities get the
     * same codes whatever order a file lists them in.
     */
    public static StepCodes slugs(Collection<String> activities) {
        Map<String, String> codes = new HashMap<>();
        Set<String> taken = new HashSet<>();
        for (String activity : new TreeSet<>(activities)) {
            String base = slug(activity);
            String code = base;
            for (int n = 2; !taken.add(code); n++) {
                code = base + "-" + n;
            }
            codes.put(activity, code);
        }
        return new StepCodes(codes, false);
    }

    /** Lower-case ASCII letters, digits and single dashes; accents dropped; {@code step} when nothing is left. */
    static String slug(String name) {
        String ascii = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFKD)).replaceAll("");
        String slug = NOT_CODE.matcher(ascii.toLowerCase(Locale.ROOT)).replaceAll("-");
        if (slug.length() > MAX_SLUG) {
            slug = slug.substring(0, MAX_SLUG);
        }
        slug = slug.replaceAll("^-+|-+$", "");
        return slug.isEmpty() ? "step" : slug;
    }

    public Optional<String> of(String activity) {
        return Optional.ofNullable(byActivity.get(activity));
    }

    /** Says where the missing code should have come from. */
    String missing(String activity) {
        return fromMapping ? "activity '" + activity + "' has no step in the mapping file"
                : "activity '" + activity + "' has no step code";
    }
}
