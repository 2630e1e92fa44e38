package io.cdcharness.kafka.values;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DATE, DATETIME, TIMESTAMP and TIME, compared by the day, local date-time, instant or duration they mean, whatever
 * the number of fraction digits on either side: {@code 1970-01-01T00:00:00Z} is {@code 1970-01-01T00:00:00.00Z}.
 */
public final class TemporalValue {
    private static final String DATE = "(-?\\d{4,})-(\\d{1,2})-(\\d{1,2})";
    private static final String CLOCK = "(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{0,9}))?)?";
    private static final Pattern DATE_ONLY = Pattern.compile(DATE);
    private static final Pattern DATE_TIME = Pattern.compile(DATE + "(?:[T ]" + CLOCK + ")?");
    private static final Pattern TIMESTAMP = Pattern.compile(DATE + "[T ]" + CLOCK + " ?(Z|UTC|[+-]\\d{2}(?::?\\d{2})?)");
    private static final Pattern TIME = Pattern.compile("(-)?(?:(\\d+) )?(\\d+):(\\d{2})(?::(\\d{2})(?:\\.(\\d{0,9}))?)?");

    private TemporalValue() {
    }

    /** DATE: {@code io.debezium.time.Date} or Connect's {@code Date}, days since 1970-01-01. Written {@code 2024-01-31}. */
    public record Date(LocalDate date) implements SqlValue {
        @Override
        public boolean matches(String written) {
            Matcher m = DATE_ONLY.matcher(written.trim());
            return m.matches() && date.equals(dateOf(m, 0));
        }

        @Override
        public String show() {
            return showDate(date);
        }
    }

    /**
     * DATETIME: a local date and time without zone ({@code io.debezium.time.Timestamp}, {@code MicroTimestamp},
     * {@code NanoTimestamp}, Connect's {@code Timestamp}: epoch milli-, micro- or nanoseconds read at UTC). Written
     * {@code 2024-01-31T10:15:30} or {@code 2024-01-31 10:15:30.5}; a date alone is midnight.
     */
    public record DateTime(LocalDateTime dateTime) implements SqlValue {
        public static DateTime ofEpoch(long amount, long nanosPerUnit) {
            long perSecond = 1_000_000_000L / nanosPerUnit;
            long seconds = Math.floorDiv(amount, perSecond);
            long nanos = Math.floorMod(amount, perSecond) * nanosPerUnit;
            return new DateTime(LocalDateTime.ofEpochSecond(seconds, (int) nanos, ZoneOffset.UTC));
        }

        @Override
        public boolean matches(String written) {
            Matcher m = DATE_TIME.matcher(written.trim());
            if (!m.matches()) {
                return false;
            }
            LocalDate day = dateOf(m, 0);
            LocalTime time = m.group(4) == null ? LocalTime.MIDNIGHT : clock(m, 3);
            return day != null && time != null && dateTime.equals(LocalDateTime.of(day, time));
        }

        @Override
        public String show() {
            return showDate(dateTime.toLocalDate()) + "T" + showClock(dateTime.toLocalTime());
        }
    }

    /**
     * TIMESTAMP: an instant, as Debezium's {@code io.debezium.time.ZonedTimestamp} ISO-8601 text in UTC. Written with its
     * zone: {@code 2024-01-31T10:15:30Z}, {@code 2024-01-31 12:15:30.25+02:00}.
     */
    public record Timestamp(Instant instant) implements SqlValue {
        public static Timestamp parse(String text) {
            Instant instant = instant(text);
            if (instant == null) {
                throw new IllegalArgumentException("not an ISO-8601 timestamp with zone: " + text);
            }
            return new Timestamp(instant);
        }

        @Override
        public boolean matches(String written) {
            return instant.equals(instant(written));
        }

        @Override
        public String show() {
            LocalDateTime utc = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
            return showDate(utc.toLocalDate()) + "T" + showClock(utc.toLocalTime()) + "Z";
        }

        private static Instant instant(String written) {
            Matcher m = TIMESTAMP.matcher(written.trim());
            if (!m.matches()) {
                return null;
            }
            LocalDate day = dateOf(m, 0);
            LocalTime time = clock(m, 3);
            if (day == null || time == null) {
                return null;
            }
            String zone = m.group(8);
            try {
                ZoneOffset offset = zone.equals("Z") || zone.equals("UTC") ? ZoneOffset.UTC : ZoneOffset.of(
                        zone.length() == 5 ? zone.substring(0, 3) + ":" + zone.substring(3) : zone);
                return LocalDateTime.of(day, time).toInstant(offset);
            } catch (DateTimeException e) {
                return null;
            }
        }
    }

    /**
     * TIME: a signed duration over MySQL's whole range, -838:59:59 to 838:59:59 ({@code io.debezium.time.MicroTime},
     * {@code Time}, {@code NanoTime}, Connect's {@code Time}). Written as in SQL: {@code 07:30:00}, {@code -13:14:50},
     * {@code 517:51:04.78}, {@code 2 10:00:00} (days and hours).
     */
    public record Time(long nanos) implements SqlValue {
        @Override
        public boolean matches(String written) {
            Long parsed = parse(written);
            return parsed != null && parsed == nanos;
        }

        /** The duration {@code written} means, in nanoseconds; null when it is no TIME literal. */
        public static Long parse(String written) {
            Matcher m = TIME.matcher(written.trim());
            if (!m.matches()) {
                return null;
            }
            long minutes = Long.parseLong(m.group(4));
            long seconds = m.group(5) == null ? 0 : Long.parseLong(m.group(5));
            if (minutes > 59 || seconds > 59) {
                return null;
            }
            long days = m.group(2) == null ? 0 : Long.parseLong(m.group(2));
            long total = (((days * 24 + Long.parseLong(m.group(3))) * 60 + minutes) * 60 + seconds) * 1_000_000_000L
                    + SqlLiterals.nanos(m.group(6));
            return m.group(1) != null ? -total : total;
        }

        @Override
        public String show() {
            long abs = Math.abs(nanos);
            long seconds = abs / 1_000_000_000L;
            return (nanos < 0 ? "-" : "") + String.format("%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                    + SqlLiterals.fraction((int) (abs % 1_000_000_000L));
        }
    }

    private static LocalDate dateOf(Matcher m, int offset) {
        try {
            return LocalDate.of(Integer.parseInt(m.group(offset + 1)), Integer.parseInt(m.group(offset + 2)),
                    Integer.parseInt(m.group(offset + 3)));
        } catch (DateTimeException | NumberFormatException e) {
            return null; // 0000-00-00 and other dates that do not exist
        }
    }

    private static LocalTime clock(Matcher m, int offset) {
        try {
            return LocalTime.of(Integer.parseInt(m.group(offset + 1)), Integer.parseInt(m.group(offset + 2)),
                    m.group(offset + 3) == null ? 0 : Integer.parseInt(m.group(offset + 3)),
                    SqlLiterals.nanos(m.group(offset + 4)));
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static String showDate(LocalDate date) {
        int year = date.getYear();
        return (year < 0 ? "-" : "") + String.format("%04d-%02d-%02d", Math.abs(year), date.getMonthValue(), date.getDayOfMonth());
    }

    private static String showClock(LocalTime time) {
        return String.format("%02d:%02d:%02d", time.getHour(), time.getMinute(), time.getSecond()) + SqlLiterals.fraction(time.getNano());
    }
}
