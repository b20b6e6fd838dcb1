package dev.custodyledger.config;

import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.HttpServerOptions;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Plain-HTTP connections stay HTTP/1.1: no upgrade to cleartext HTTP/2 (h2c). JDK 25's HTTP client asks for the
 * upgrade by default, and the server's answer to a request it refuses unread (an oversized body) then carries a
 * {@code connection} header, which HTTP/2 forbids, so the client sees a protocol error instead of the 413. The
 * ingress speaks HTTP/1.1 to the services anyway; HTTP/2 over TLS, where it is enabled, is unaffected.
 */
@ApplicationScoped
public class NoCleartextUpgrade implements HttpServerOptionsCustomizer {
    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        options.setHttp2ClearTextEnabled(false);
    }
}
