package dev.custodyledger.label.keys;

import dev.custodyledger.core.crypto.Ed25519PrivateKey;
import dev.custodyledger.core.crypto.Ed25519PublicKey;
import dev.custodyledger.core.crypto.KeyFormatException;
import dev.custodyledger.core.crypto.KeyPem;
import dev.custodyledger.core.fold.PartyState;
import dev.custodyledger.core.party.KeyPurpose;
import dev.custodyledger.json.JsonRequest;
import dev.custodyledger.label.access.Producers;
import dev.custodyledger.problem.Problem;
import dev.custodyledger.problem.ProblemCode;
import dev.custodyledger.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * A producer's {@code label} and {@code custody} keys: generated here or imported from PEM, private halves
 * sealed at rest and never returned, public halves exported for the operator to register on the ledger.
 */
@Path("/v1/keys")
@SecurityRequirement(name = "partyCredential")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class KeyResource {
    private static final int MAX_PEM = 4096;

    private final KeyService keys;
    private final Producers producers;

    KeyResource(KeyService keys, Producers producers) {
        this.keys = keys;
        this.producers = producers;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Generate a key",
            description = "Body {\"purpose\": \"label\"|\"custody\"}. Answers its public half and the operator's"
                    + " command that registers it.")
    @RequestBody(
            required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "NewKey")))
    @APIResponse(
            responseCode = "201",
            description = "the key's public view",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = KeyView.class)))
    public Uni<Response> generate(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, byte[] body) {
        PartyState party = producers.authenticate(authorization);
        JsonRequest json = JsonRequest.parse(body, Set.of("purpose"));
        KeyPurpose purpose = purpose(json);
        return keys.hold(party.id(), purpose, Ed25519PrivateKey.generate(), "generated")
                .map(KeyResource::created);
    }

    @POST
    @Path("import")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Import a key from PEM",
            description = "Body {\"purpose\", \"privateKeyPem\", \"passphrase\"?}: an Ed25519 PKCS#8 key,"
                    + " unencrypted or PBES2-encrypted with the given passphrase. It is sealed again under this"
                    + " service's passphrase.")
    @RequestBody(
            required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ImportedKey")))
    @APIResponse(
            responseCode = "201",
            description = "the key's public view",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = KeyView.class)))
    public Uni<Response> importKey(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, byte[] body) {
        PartyState party = producers.authenticate(authorization);
        JsonRequest json = JsonRequest.parse(body, Set.of("purpose", "privateKeyPem", "passphrase"));
        KeyPurpose purpose = purpose(json);
        String pem = json.text("privateKeyPem", MAX_PEM, true);
        String passphrase = json.text("passphrase", 1024, false);
        Ed25519PrivateKey key;
        try {
            key = KeyPem.parsePrivateKey(pem, passphrase == null ? null : passphrase.toCharArray());
        } catch (KeyFormatException e) {
            throw new ProblemException(ProblemCode.KEY_FORMAT, e.getMessage());
        }
        return keys.hold(party.id(), purpose, key, "imported").map(KeyResource::created);
    }

    @GET
    @Operation(summary = "The keys held for the calling producer, newest first, with their ledger status")
    public Uni<List<KeyView>> list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return keys.list(producers.authenticate(authorization).id());
    }

    @GET
    @Path("{keyId}")
    @Operation(summary = "One held key's public view")
    public Uni<KeyView> key(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("keyId") String keyId) {
        return keys.get(producers.authenticate(authorization).id(), keyId);
    }

    @GET
    @Path("{keyId}/public.pem")
    @Produces({"application/x-pem-file", Problem.MEDIA_TYPE})
    @Operation(summary = "One held key's public half as a PEM file (SubjectPublicKeyInfo), for the operator")
    public Uni<String> publicPem(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("keyId") String keyId) {
        return key(authorization, keyId).map(view -> KeyPem.publicKey(Ed25519PublicKey.ofBase64Url(view.publicKey())));
    }

    private static Response created(KeyView view) {
        return Response.created(URI.create("/v1/keys/" + view.keyId()))
                .type(MediaType.APPLICATION_JSON)
                .entity(view)
                .build();
    }

    private static KeyPurpose purpose(JsonRequest json) {
        String text = json.text("purpose", 16, true);
        if (!text.equals("label") && !text.equals("custody")) {
            throw JsonRequest.malformed("'purpose' is 'label' or 'custody'");
        }
        return KeyPurpose.fromWire(text);
    }
}
