package dev.custodyledger.core.event;

/** A coarse place: a city and an ISO 3166-1 alpha-2 country. Never a street address. */
public record Location(String city, String country) {
    public Location {
        Text.require(city, "city", 80);
        if (country != null && !country.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("country is an ISO 3166-1 alpha-2 code such as DE");
        }
    }
}
