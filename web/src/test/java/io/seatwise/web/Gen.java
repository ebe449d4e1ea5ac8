package io.seatwise.web;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A generator of test inputs from a seeded {@link Random}, for {@link SeededProperties}: the same seed gives the same
 * inputs, so a failure can be replayed. Numbers hit their bounds more often than chance would, because that is where
 * off-by-one mistakes live.
 */
@FunctionalInterface
public interface Gen<T> {

    T next(Random random);

    default <R> Gen<R> map(Function<? super T, ? extends R> mapper) {
        return random -> mapper.apply(next(random));
    }

    /** Only the values that pass; a filter that keeps almost nothing is a mistake in the test, and says so. */
    default Gen<T> filter(Predicate<? super T> keep) {
        return random -> {
            for (int attempt = 0; attempt < 10_000; attempt++) {
                var value = next(random);
                if (keep.test(value)) {
                    return value;
                }
            }
            throw new IllegalStateException("The filter kept none of 10,000 generated values");
        };
    }

    default Gen<List<T>> list(int minSize, int maxSize) {
        return random -> {
            var size = sizeBetween(random, minSize, maxSize);
            var values = new ArrayList<T>(size);
            for (int i = 0; i < size; i++) {
                values.add(next(random));
            }
            return values;
        };
    }

    /** A list of distinct values; the generator must be able to give at least {@code maxSize} different ones. */
    default Gen<List<T>> uniqueList(int minSize, int maxSize) {
        return random -> {
            var size = sizeBetween(random, minSize, maxSize);
            var values = new LinkedHashSet<T>();
            while (values.size() < size) {
                values.add(next(random));
            }
            return List.copyOf(values);
        };
    }

    @SafeVarargs
    static <T> Gen<T> of(T... values) {
        return of(List.of(values));
    }

    static <T> Gen<T> of(List<T> values) {
        return random -> values.get(random.nextInt(values.size()));
    }

    /** One of the generators, each as likely as the others. */
    @SafeVarargs
    static <T> Gen<T> oneOf(Gen<? extends T>... generators) {
        return random -> generators[random.nextInt(generators.length)].next(random);
    }

    record Weighted<T>(int weight, Gen<? extends T> generator) {}

    static <T> Weighted<T> weight(int weight, Gen<? extends T> generator) {
        return new Weighted<>(weight, generator);
    }

    /** One of the generators, each chosen in proportion to its weight. */
    @SafeVarargs
    static <T> Gen<T> frequency(Weighted<? extends T>... choices) {
        var total = 0;
        for (var choice : choices) {
            total += choice.weight();
        }
        var sum = total;
        return random -> {
            var pick = random.nextInt(sum);
            for (var choice : choices) {
                pick -= choice.weight();
                if (pick < 0) {
                    return choice.generator().next(random);
                }
            }
            throw new IllegalStateException("unreachable");
        };
    }

    static <A, B, R> Gen<R> combine(Gen<A> first, Gen<B> second, BiFunction<A, B, R> combiner) {
        return random -> combiner.apply(first.next(random), second.next(random));
    }

    interface Function3<A, B, C, R> {
        R apply(A first, B second, C third);
    }

    static <A, B, C, R> Gen<R> combine(Gen<A> first, Gen<B> second, Gen<C> third, Function3<A, B, C, R> combiner) {
        return random -> combiner.apply(first.next(random), second.next(random), third.next(random));
    }

    /** Whole numbers from {@code min} to {@code max}, both included; a fifth of them a bound or next to one. */
    static Gen<BigInteger> bigIntegers(BigInteger min, BigInteger max) {
        var span = max.subtract(min);
        return random -> {
            if (random.nextInt(5) == 0) {
                var edges = List.of(
                        min,
                        max,
                        min.add(BigInteger.ONE).min(max),
                        max.subtract(BigInteger.ONE).max(min));
                return edges.get(random.nextInt(edges.size()));
            }
            // as often a short number as a long one, then uniform among those of that length
            var bits = 1 + random.nextInt(Math.max(1, span.bitLength()));
            BigInteger offset;
            do {
                offset = new BigInteger(bits, random);
            } while (offset.compareTo(span) > 0);
            return min.add(offset);
        };
    }

    static Gen<Long> longs(long min, long max) {
        return bigIntegers(BigInteger.valueOf(min), BigInteger.valueOf(max)).map(BigInteger::longValueExact);
    }

    static Gen<Integer> ints(int min, int max) {
        return bigIntegers(BigInteger.valueOf(min), BigInteger.valueOf(max)).map(BigInteger::intValueExact);
    }

    static Gen<Character> chars(char from, char to) {
        return random -> (char) (from + random.nextInt(to - from + 1));
    }

    /** Any UTF-16 unit at all: control characters, unassigned code points and lone surrogates included. */
    static Gen<Character> anyChar() {
        return chars('\u0000', '\uffff');
    }

    static Gen<String> strings(Gen<Character> characters, int minLength, int maxLength) {
        return characters.list(minLength, maxLength).map(list -> {
            var text = new StringBuilder(list.size());
            list.forEach(text::append);
            return text.toString();
        });
    }

    /** A size from min to max, the smallest and largest more often than chance would give them. */
    private static int sizeBetween(Random random, int min, int max) {
        return switch (random.nextInt(8)) {
            case 0 -> min;
            case 1 -> max;
            default -> min + random.nextInt(max - min + 1);
        };
    }
}
