package dev.custodyledger.core.gs1;

import java.time.LocalDate;

/**
 * A GS1 date as printed in codes (AI 17 expiry): YYMMDD, where DD 00 means the end of the month. Kept as
 * text so that a code can be compared with the ledger without guessing the century.
 */
public record Yymmdd(String value) {
    private static final int[] DAYS = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    public Yymmdd {
        if (value == null || value.length() != 6 || !CheckDigit.isDigits(value)) {
            throw new Gs1SyntaxException(Gs1Error.DATE, "a GS1 date has six digits YYMMDD");
        }
        int month = Integer.parseInt(value.substring(2, 4));
        int day = Integer.parseInt(value.substring(4, 6));
        if (month < 1 || month > 12 || day > DAYS[month - 1]) {
            throw new Gs1SyntaxException(Gs1Error.DATE, "date " + value + " does not exist");
        }
    }

    /** The printed form of a full date; the century is implied, as on every GS1 label. */
    public static Yymmdd of(LocalDate date) {
        return new Yymmdd(
                String.format("%02d%02d%02d", date.getYear() % 100, date.getMonthValue(), date.getDayOfMonth()));
    }

    /** Whether this printed date denotes {@code date} (DD 00 matches the last day of that month). */
    public boolean denotes(LocalDate date) {
        if (date.getYear() % 100 != Integer.parseInt(value.substring(0, 2))
                || date.getMonthValue() != Integer.parseInt(value.substring(2, 4))) {
            return false;
        }
        int day = Integer.parseInt(value.substring(4, 6));
        return day == 0 ? date.getDayOfMonth() == date.lengthOfMonth() : day == date.getDayOfMonth();
    }

    @Override
    public String toString() {
        return value;
    }
}
