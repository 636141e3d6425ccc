package it.sportello.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import it.sportello.shared.FieldViolation;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The NUL character (U+0000) cannot be stored in PostgreSQL's text: a value holding it is refused
 * at the door with 400 naming the field or parameter, instead of failing as a 500 in the database.
 * JSON bodies: every string value and key ({@link NulCharacterException}, answered by {@link
 * ProblemDetailsAdvice}); query parameters ({@code ?q=%00}): a filter before everything else. Paths
 * and headers with NUL are refused by Tomcat and Spring Security's firewall already; file names
 * lose their control characters when stored.
 */
@Configuration(proxyBeanMethods = false)
class NulCharacters {

  static final String MESSAGE = "must not contain the NUL character (U+0000)";

  /** Registered by Spring Boot with the application's object mapper, like every module bean. */
  @Bean
  Module nulCharactersRefused() {
    SimpleModule module = new SimpleModule("nul-characters-refused");
    module.addDeserializer(String.class, new Strings());
    module.addKeyDeserializer(String.class, new Keys());
    return module;
  }

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> nulParametersRefused(ObjectMapper objectMapper) {
    FilterRegistrationBean<OncePerRequestFilter> registration =
        new FilterRegistrationBean<>(new QueryParameters(objectMapper));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 25);
    return registration;
  }

  /** A JSON string holding NUL; its path (the field) is filled in as it propagates. */
  static final class NulCharacterException extends JsonMappingException {
    NulCharacterException(JsonParser parser) {
      super(parser, MESSAGE);
    }
  }

  static final class Strings extends StdScalarDeserializer<String> {

    Strings() {
      super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      String value = StringDeserializer.instance.deserialize(parser, context);
      if (value != null && value.indexOf('\0') >= 0) {
        throw new NulCharacterException(parser);
      }
      return value;
    }
  }

  static final class Keys extends KeyDeserializer {
    @Override
    public Object deserializeKey(String key, DeserializationContext context)
        throws JsonMappingException {
      if (key != null && key.indexOf('\0') >= 0) {
        throw new NulCharacterException(context.getParser());
      }
      return key;
    }
  }

  /** 400 for {@code %00} in the query string, naming each parameter that holds it. */
  static final class QueryParameters extends OncePerRequestFilter {

    private final ObjectMapper objectMapper;

    QueryParameters(ObjectMapper objectMapper) {
      this.objectMapper = objectMapper;
    }

    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      String query = request.getQueryString();
      if (query == null || !query.toLowerCase(Locale.ROOT).contains("%00")) {
        chain.doFilter(request, response);
        return;
      }
      List<FieldViolation> violations = new ArrayList<>();
      for (String pair : query.split("&")) {
        int equals = pair.indexOf('=');
        String name = equals < 0 ? pair : pair.substring(0, equals);
        if (pair.toLowerCase(Locale.ROOT).contains("%00")) {
          violations.add(new FieldViolation(readable(name), MESSAGE));
        }
      }
      ProblemDetail problem = ProblemDetailsAdvice.invalid(violations);
      problem.setInstance(URI.create(request.getRequestURI()));
      response.setStatus(problem.getStatus());
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      objectMapper.writeValue(response.getOutputStream(), problem);
    }

    private static String readable(String name) {
      try {
        return URLDecoder.decode(name, StandardCharsets.UTF_8).replace("\0", "\\u0000");
      } catch (IllegalArgumentException e) {
        return name;
      }
    }
  }
}
