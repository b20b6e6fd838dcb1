package dev.custodyledger.scan.scans;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A scan on the {@code custody.scans} topic (keyed by the unit's path); its time is the record's. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScanMessage(String unit, String context, String device, String city, String country) {}
