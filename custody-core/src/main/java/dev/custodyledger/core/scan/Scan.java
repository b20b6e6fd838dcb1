package dev.custodyledger.core.scan;

import dev.custodyledger.core.event.Location;
import dev.custodyledger.core.gs1.UnitCode;
import dev.custodyledger.core.verdict.ScanContext;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One recorded scan of a unit's code: when (the scans topic's record time), in which context, by which device
 * (an app's or till's own opaque id) and roughly where (a city, never an address). A scan never changes custody.
 */
public record Scan(UnitCode unit, Instant time, ScanContext context, String device, Location place) {
    private static final Pattern DEVICE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final Pattern CITY = Pattern.compile("[\\p{L}\\p{M}\\p{Nd} .,'()-]{1,80}");

    public Scan {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(context, "context");
        requireDevice(device);
    }

    /** A device id as scans carry it; throws with what is allowed otherwise. */
    public static String requireDevice(String device) {
        if (device == null || !DEVICE.matcher(device).matches()) {
            throw new IllegalArgumentException("device is 1 to 64 of A-Z a-z 0-9 . _ : -");
        }
        return device;
    }

    /**
     * A city as a scanner reports it: letters, digits, spaces and the punctuation of real place names. A scan is
     * not signed, so what it may say is narrower than a registered party's address.
     */
    public static String requireCity(String city) {
        if (city != null && !CITY.matcher(city).matches()) {
            throw new IllegalArgumentException("city is 1 to 80 letters, digits, spaces and . , ' ( ) -");
        }
        return city;
    }
}
