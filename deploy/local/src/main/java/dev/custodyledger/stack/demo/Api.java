package dev.custodyledger.stack.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custodyledger.core.event.SignedEvent;
import dev.custodyledger.core.json.StrictJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The services' public APIs as the demo calls them: JSON in, JSON out, a failure says which call and why. */
final class Api {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Answer(int status, JsonNode body) {}

    private Api() {}

    static Answer get(String url, String credential) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), credential);
    }

    /** A text body (e.g. a CSV manifest), expecting 200. */
    static String text(String url, String credential) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
        if (credential != null) {
            builder.header("Authorization", "Bearer " + credential);
        }
        try {
            HttpResponse<String> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach " + url + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Answer post(String url, String json, String credential) {
        return send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)),
                credential);
    }

    /** Submits a signed event to ledger-service and insists on ACCEPTED. */
    static JsonNode submit(String ledger, SignedEvent event) {
        var builder = HttpRequest.newBuilder(URI.create(ledger + "/v1/events"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(event.envelopeBytes()));
        Answer answer = send(builder, null);
        if (answer.status() != 201 && answer.status() != 202) {
            throw new IllegalStateException(event.event().type() + " was refused: " + answer.body());
        }
        return answer.body();
    }

    static JsonNode expect(Answer answer, int status, String what) {
        if (answer.status() != status) {
            throw new IllegalStateException(what + " answered " + answer.status() + ": " + answer.body());
        }
        return answer.body();
    }

    private static Answer send(HttpRequest.Builder builder, String credential) {
        if (credential != null) {
            builder.header("Authorization", "Bearer " + credential);
        }
        HttpRequest request = builder.timeout(Duration.ofSeconds(60)).build();
        try {
            HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
            byte[] body = response.body();
            JsonNode json = body.length == 0 || body[0] != '{' && body[0] != '['
                    ? StrictJson.mapper().createObjectNode()
                    : StrictJson.parse(body);
            return new Answer(response.statusCode(), json);
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach " + request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
