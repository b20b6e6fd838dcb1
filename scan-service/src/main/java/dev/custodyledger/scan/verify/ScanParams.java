package dev.custodyledger.scan.verify;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * What a verify may say about the scan behind it. With a {@code device}, the verify is also recorded as a scan
 * for the clone detector; the verify itself stays a read.
 */
public class ScanParams {
    @QueryParam("context")
    @Parameter(description = "who scans: consumer, till or inspection")
    public String context;

    @QueryParam("device")
    @Parameter(description = "the scanning app's or till's own opaque id; with it the scan is recorded")
    public String device;

    @QueryParam("city")
    @Parameter(description = "a coarse place: the city")
    public String city;

    @QueryParam("country")
    @Parameter(description = "ISO 3166-1 alpha-2 country")
    public String country;
}
