package dev.custodyledger.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * A unit id or Digital Link in a path spans several segments ({@code 01/{gtin}/21/{serial}}), which a JAX-RS
 * regular expression matches but an OpenAPI path parameter cannot describe. This filter writes each such path
 * out as the GS1 key paths it takes, each segment a parameter of its own, so clients and validators see the
 * real paths.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class UnitPaths implements OASFilter {
    private static final Map<String, List<String>> FORMS = Map.of(
            "{unit}", List.of("01/{gtin}/21/{serial}", "00/{sscc}"),
            "{link}", List.of("01/{gtin}/21/{serial}", "01/{gtin}/10/{lot}/21/{serial}", "00/{sscc}"));
    /** Each form's operations get the original operation id with this suffix, so ids stay unique. */
    private static final Map<String, String> SUFFIXES = Map.of(
            "01/{gtin}/21/{serial}", "OfItem",
            "01/{gtin}/10/{lot}/21/{serial}", "OfItemInLot",
            "00/{sscc}", "OfContainer");

    private static final Map<String, String> SEGMENTS = Map.of(
            "gtin", "^\\d{14}$",
            "serial", "^[^/]{1,60}$",
            "lot", "^[^/]{1,60}$",
            "sscc", "^\\d{18}$");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        Map<String, PathItem> paths = new LinkedHashMap<>(openAPI.getPaths().getPathItems());
        paths.forEach((template, item) -> FORMS.forEach((placeholder, forms) -> {
            if (!template.contains(placeholder)) {
                return;
            }
            String name = placeholder.substring(1, placeholder.length() - 1);
            openAPI.getPaths().removePathItem(template);
            for (String form : forms) {
                openAPI.getPaths().addPathItem(template.replace(placeholder, form), expand(item, name, form));
            }
        }));
    }

    private static PathItem expand(PathItem item, String name, String form) {
        PathItem expanded = OASFactory.createPathItem();
        item.getOperations().forEach((method, operation) -> expanded.setOperation(method, copy(operation, name, form)));
        return expanded;
    }

    private static Operation copy(Operation operation, String name, String form) {
        List<Parameter> parameters = new ArrayList<>();
        if (operation.getParameters() != null) {
            operation.getParameters().stream()
                    .filter(p -> !(p.getIn() == Parameter.In.PATH && name.equals(p.getName())))
                    .forEach(parameters::add);
        }
        for (String segment : form.split("/")) {
            if (segment.startsWith("{")) {
                String key = segment.substring(1, segment.length() - 1);
                parameters.add(OASFactory.createParameter()
                        .name(key)
                        .in(Parameter.In.PATH)
                        .required(true)
                        .description(key.equals("serial") ? "percent-encoded as in a Digital Link path" : null)
                        .schema(OASFactory.createSchema()
                                .type(List.of(Schema.SchemaType.STRING))
                                .pattern(SEGMENTS.get(key))));
            }
        }
        return OASFactory.createOperation()
                .operationId(
                        operation.getOperationId() == null ? null : operation.getOperationId() + SUFFIXES.get(form))
                .summary(operation.getSummary())
                .description(operation.getDescription())
                .tags(operation.getTags())
                .parameters(parameters)
                .requestBody(operation.getRequestBody())
                .responses(operation.getResponses())
                .security(operation.getSecurity());
    }
}
