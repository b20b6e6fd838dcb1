package dev.custodyledger.stack.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custodyledger.core.event.SignedEvent;
import dev.custodyledger.core.json.StrictJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The services' public APIs as the demo calls them: JSON in, JSON out, a failure says which call and why. */
final class Api {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final byte[] NO_BODY = new byte[0];

    record Answer(int status, JsonNode body) {}

    /** Sees every exchange the demo makes, e.g. to hold it to the services' OpenAPI documents. */
    interface Witness {
        void saw(HttpRequest request, byte[] body, HttpResponse<byte[]> answer);
    }

    private static volatile Witness witness = (request, body, answer) -> {};

    private Api() {}

    static void witnessedBy(Witness seeing) {
        witness = seeing;
    }

    static Answer get(String url, String credential) {
        return json(exchange(HttpRequest.newBuilder(URI.create(url)), "GET", NO_BODY, credential));
    }

    /** A text body (e.g. a CSV manifest), expecting 200. */
    static String text(String url, String credential) {
        HttpResponse<byte[]> response = exchange(HttpRequest.newBuilder(URI.create(url)), "GET", NO_BODY, credential);
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode());
        }
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    static Answer post(String url, String json, String credential) {
        return json(exchange(
                HttpRequest.newBuilder(URI.create(url)), "POST", json.getBytes(StandardCharsets.UTF_8), credential));
    }

    /** Submits a signed event to ledger-service and insists on ACCEPTED. */
    static JsonNode submit(String ledger, SignedEvent event) {
        Answer answer = json(exchange(
                HttpRequest.newBuilder(URI.create(ledger + "/v1/events")), "POST", event.envelopeBytes(), null));
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

    /** {@code body} is JSON, or empty for none. */
    private static HttpResponse<byte[]> exchange(
            HttpRequest.Builder builder, String method, byte[] body, String credential) {
        if (credential != null) {
            builder.header("Authorization", "Bearer " + credential);
        }
        if (body.length > 0) {
            builder.header("Content-Type", "application/json");
        }
        builder.method(
                method,
                body.length > 0 ? HttpRequest.BodyPublishers.ofByteArray(body) : HttpRequest.BodyPublishers.noBody());
        HttpRequest request = builder.timeout(Duration.ofSeconds(60)).build();
        try {
            HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
            witness.saw(request, body, response);
            return response;
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach " + request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Answer json(HttpResponse<byte[]> response) {
        byte[] body = response.body();
        JsonNode json = body.length == 0 || body[0] != '{' && body[0] != '['
                ? StrictJson.mapper().createObjectNode()
                : StrictJson.parse(body);
        return new Answer(response.statusCode(), json);
    }
}
