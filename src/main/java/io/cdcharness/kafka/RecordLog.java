package io.cdcharness.kafka;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * The records of one topic: appended by the recorder's thread, read by any other. A read is a snapshot
 * taken in constant time that never changes, however many records come after it (appending is amortised
 * constant time too: a topic of 100,000 records is not copied once per record).
 */
final class RecordLog {
    private RecordedRecord[] items = new RecordedRecord[16];
    private int size;
    private long bytes;

    /** Appends the record; returns how many the topic holds now. */
    synchronized int add(RecordedRecord record) {
        if (size == items.length) {
            items = Arrays.copyOf(items, size * 2);
        }
        items[size++] = record;
        bytes += record.serializedSize();
        return size;
    }

    /** The serialized size of every record held: keys, values and headers. */
    synchronized long bytes() {
        return bytes;
    }

    synchronized int size() {
        return size;
    }

    /** What the topic holds now; the slots it shows are never written again (a larger array replaces a full one). */
    synchronized List<RecordedRecord> snapshot() {
        return new Snapshot(items, size);
    }

    private static final class Snapshot extends AbstractList<RecordedRecord> implements RandomAccess {
        private final RecordedRecord[] items;
        private final int size;

        Snapshot(RecordedRecord[] items, int size) {
            this.items = items;
            this.size = size;
        }

        @Override
        public RecordedRecord get(int index) {
            if (index < 0 || index >= size) {
                throw new IndexOutOfBoundsException("record " + index + " of " + size);
            }
            return items[index];
        }

        @Override
        public int size() {
            return size;
        }
    }
}
