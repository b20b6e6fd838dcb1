package dev.custodyledger.scan.view;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.List;

/**
 * One step of a unit's journey as a consumer sees it: what happened, when, where, by whom. A unit's journey is
 * kept in its view row as a JSON array of these, oldest first, in snake case and without absent values.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JourneyStepRow(
        long seq,
        Instant eventTime,
        String step,
        String partyName,
        String toPartyName,
        String city,
        String country,
        String viaContainer) {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();
    private static final TypeReference<List<JourneyStepRow>> JOURNEY = new TypeReference<>() {};

    /** The same step for a unit carried along inside {@code containers}. */
    JourneyStepRow via(String containers) {
        return new JourneyStepRow(seq, eventTime, step, partyName, toPartyName, city, country, containers);
    }

    static String json(List<JourneyStepRow> journey) {
        try {
            return JSON.writeValueAsString(journey);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A journey as the view row holds it; none when the row has none. */
    public static List<JourneyStepRow> parse(String journey) {
        if (journey == null) {
            return List.of();
        }
        try {
            return JSON.readValue(journey, JOURNEY);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an unreadable journey in the verification view", e);
        }
    }
}
