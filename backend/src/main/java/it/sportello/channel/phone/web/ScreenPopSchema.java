package it.sportello.channel.phone.web;

import io.swagger.v3.core.converter.ModelConverters;
import it.sportello.channel.phone.ScreenPop;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link ScreenPop} (with the types it holds) in the API document's schemas: no operation
 * returns it, it travels as the data of the {@code screen-pop} events of {@code GET
 * /api/me/events}, and the web application types it from the document.
 */
@Component
class ScreenPopSchema implements OpenApiCustomizer {

  @Override
  public void customise(io.swagger.v3.oas.models.OpenAPI openApi) {
    ModelConverters.getInstance()
        .readAll(ScreenPop.class)
        .forEach((name, schema) -> openApi.getComponents().addSchemas(name, schema));
  }
}
