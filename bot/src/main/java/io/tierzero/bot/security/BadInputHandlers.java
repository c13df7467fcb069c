package io.tierzero.bot.security;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ConversionErrorHandler;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.JsonExceptionHandler;
import io.micronaut.json.JsonSyntaxException;
import jakarta.inject.Singleton;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Bad request bodies and parameters told in the caller's terms. Micronaut's own messages quote the
 * Java class and enum constant ({@code No enum constant io.tierzero...Vote.SIDEWAYS}); these name
 * the field and the values it takes, or what was expected where, and nothing of the code behind.
 */
public final class BadInputHandlers {
  private BadInputHandlers() {}

  private static final Pattern PROPERTY =
      Pattern.compile("Error decoding property \\[\\S+ (\\w+)\\]");
  private static final Pattern TOKEN = Pattern.compile("Unexpected token (\\w+), expected (\\w+)");
  private static final Pattern LOCATION = Pattern.compile("line: (\\d+), column: (\\d+)");
  private static final Map<String, String> TOKENS =
      Map.of(
          "VALUE_STRING", "text",
          "VALUE_NUMBER_INT", "a number",
          "VALUE_NUMBER_FLOAT", "a number",
          "START_OBJECT", "an object",
          "START_ARRAY", "a list",
          "VALUE_TRUE", "true or false",
          "VALUE_FALSE", "true or false",
          "VALUE_NULL", "null");

  /**
   * A value that did not convert: an unknown enum value, a wrong JSON type, an unparsable
   * parameter.
   */
  static String conversion(ConversionErrorException exception) {
    var argument = exception.getArgument();
    var detail = causes(exception);
    var property = PROPERTY.matcher(detail);
    if (property.find()) {
      var field = property.group(1);
      var allowed = componentType(argument.getType(), field);
      if (allowed != null && allowed.isEnum()) return field + " must be one of: " + values(allowed);
      return field + " has a value of the wrong kind" + expectation(detail);
    }
    if (argument.getType().isEnum())
      return argument.getName() + " must be one of: " + values(argument.getType());
    var token = TOKEN.matcher(detail);
    if (token.find()) return "The request body has a value of the wrong kind" + expectation(detail);
    return argument.getName() + " is not valid here";
  }

  static String syntax(JsonSyntaxException exception) {
    var location = LOCATION.matcher(causes(exception));
    return "The request body is not valid JSON"
        + (location.find()
            ? " (line " + location.group(1) + ", column " + location.group(2) + ")"
            : "");
  }

  private static String expectation(String detail) {
    var token = TOKEN.matcher(detail);
    var text = "";
    if (token.find()) {
      text =
          ": expected "
              + TOKENS.getOrDefault(token.group(2), "another kind of value")
              + ", found "
              + TOKENS.getOrDefault(token.group(1), "something else");
    }
    var location = LOCATION.matcher(detail);
    if (location.find())
      text += " (line " + location.group(1) + ", column " + location.group(2) + ")";
    return text;
  }

  private static Class<?> componentType(Class<?> type, String name) {
    if (!type.isRecord()) return null;
    return Arrays.stream(type.getRecordComponents())
        .filter(c -> c.getName().equals(name))
        .map(c -> (Class<?>) c.getType())
        .findFirst()
        .orElse(null);
  }

  /** Our enums are written in JSON as their lower-case names. */
  private static String values(Class<?> enumType) {
    return Arrays.stream(enumType.getEnumConstants())
        .map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT))
        .collect(Collectors.joining(", "));
  }

  private static String causes(Throwable exception) {
    var text = new StringBuilder();
    for (var t = exception; t != null; t = t.getCause() == t ? null : t.getCause())
      text.append(t.getMessage()).append('\n');
    return text.toString();
  }

  @Singleton
  @Produces
  @Replaces(ConversionErrorHandler.class)
  @Requires(classes = {ConversionErrorException.class, ExceptionHandler.class})
  public static class Conversion
      implements ExceptionHandler<ConversionErrorException, HttpResponse<?>> {
    @Override
    public HttpResponse<?> handle(HttpRequest request, ConversionErrorException exception) {
      return HttpResponse.badRequest(ApiErrors.of(conversion(exception)));
    }
  }

  @Singleton
  @Produces
  @Replaces(JsonExceptionHandler.class)
  @Requires(classes = {JsonSyntaxException.class, ExceptionHandler.class})
  public static class Syntax implements ExceptionHandler<JsonSyntaxException, HttpResponse<?>> {
    @Override
    public HttpResponse<?> handle(HttpRequest request, JsonSyntaxException exception) {
      return HttpResponse.badRequest(ApiErrors.of(syntax(exception)));
    }
  }
}
