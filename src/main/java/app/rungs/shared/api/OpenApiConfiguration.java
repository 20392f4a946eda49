package app.rungs.shared.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI 3 document of /api/v1 (served by springdoc at /v3/api-docs): bearer API tokens for every operation. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String SCHEME = "apiToken";

    @Bean
    OpenAPI rungsOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Rungs REST API")
                        .version("v1")
                        .description("Career ladders, people and their levels, and evidence. Every request acts as"
                                + " the owner of its API token (create one under My profile > API tokens) and sees"
                                + " exactly what that person sees in Rungs. Errors are RFC 9457 problem details."))
                .components(new Components()
                        .addSecuritySchemes(
                                SCHEME,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description("A personal API token: Authorization: Bearer rungs_…")))
                .addSecurityItem(new SecurityRequirement().addList(SCHEME));
    }
}
