package dev.custodyledger.cli;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The CLI's reads from the services; an unreachable service is an IOException (exit code 3). */
final class Http {
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Http() {}

    static byte[] get(String url) throws IOException, InterruptedException {
        return get(url, "application/json");
    }

    static byte[] get(String url, String accept) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = send(url, accept);
        if (response.statusCode() != 200) {
            throw new IOException(url + " answered " + response.statusCode());
        }
        return response.body();
    }

    static HttpResponse<byte[]> send(String url) throws IOException, InterruptedException {
        return send(url, "application/json");
    }

    static HttpResponse<byte[]> send(String url, String accept) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", accept)
                .build();
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (ConnectException e) {
            throw new IOException(
                    "cannot reach " + URI.create(url).getAuthority() + " (is it running? ./stack status)");
        }
    }
}
