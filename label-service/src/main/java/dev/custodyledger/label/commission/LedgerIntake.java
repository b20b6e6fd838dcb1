package dev.custodyledger.label.commission;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** ledger-service's intake, as label-service calls it (quarkus.rest-client.ledger.url). */
@RegisterRestClient(configKey = "ledger")
@Path("/v1/events")
public interface LedgerIntake {
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Response submit(byte[] envelope);

    @GET
    @Path("{eventId}")
    @Produces(MediaType.APPLICATION_JSON)
    Response status(@PathParam("eventId") String eventId);
}
