package io.seatwise.web;

import java.util.Random;
import java.util.function.Consumer;

/**
 * Checks a property on many generated inputs, all drawn from one fixed seed, so that every run tries the same inputs
 * and a failure names the seed and the input that broke it. {@code -Dseatwise.seed=…} tries other inputs. There is
 * no shrinking: the failing input is reported as generated.
 */
public final class SeededProperties {

    public static final String SEED_PROPERTY = "seatwise.seed";

    /** The seed of every run unless {@value #SEED_PROPERTY} names another. */
    public static final long SEED = Long.getLong(SEED_PROPERTY, 20_261_202L);

    private SeededProperties() {}

    public static <T> void forAll(int tries, Gen<T> inputs, Consumer<T> property) {
        forAll(SEED, tries, inputs, property);
    }

    public static <T> void forAll(long seed, int tries, Gen<T> inputs, Consumer<T> property) {
        var random = new Random(seed);
        for (int attempt = 1; attempt <= tries; attempt++) {
            var input = inputs.next(random);
            try {
                property.accept(input);
            } catch (AssertionError | RuntimeException failure) {
                throw new AssertionError(
                        "Property failed on try " + attempt + " of " + tries + " with seed " + seed + " (-D"
                                + SEED_PROPERTY + "=" + seed + " runs it again) for the input: " + shown(input),
                        failure);
            }
        }
    }

    private static String shown(Object input) {
        var text = String.valueOf(input);
        return text.length() > 2_000 ? text.substring(0, 2_000) + "… (" + text.length() + " characters)" : text;
    }
}
