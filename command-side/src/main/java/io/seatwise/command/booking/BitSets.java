package io.seatwise.command.booking;

import com.fasterxml.jackson.databind.util.StdConverter;
import java.util.BitSet;

/** Lets Jackson keep a {@link BitSet} in a snapshot as its words: 625 longs for 40,000 seats. */
final class BitSets {

    private BitSets() {}

    static final class ToWords extends StdConverter<BitSet, long[]> {
        @Override
        public long[] convert(BitSet value) {
            return value.toLongArray();
        }
    }

    static final class FromWords extends StdConverter<long[], BitSet> {
        @Override
        public BitSet convert(long[] value) {
            return BitSet.valueOf(value);
        }
    }
}
