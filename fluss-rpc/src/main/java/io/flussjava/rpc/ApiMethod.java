package io.flussjava.rpc;

import com.google.protobuf.MessageLite;
import com.google.protobuf.Parser;
import java.util.Objects;

/**
 * One callable API: its {@link ApiKey} plus how to read its response. The request type is a
 * compile-time tag only, so that {@link ServerConnection#send(ApiMethod, MessageLite)} accepts the
 * right request message for the method.
 *
 * <p>Instances are immutable and shared; the predefined ones are in {@link ApiMethods}.
 *
 * @param <Req> the request message type
 * @param <Resp> the response message type
 */
public final class ApiMethod<Req extends MessageLite, Resp extends MessageLite> {
  private final ApiKey apiKey;
  private final Parser<Resp> responseParser;
  private final String displayName;

  private ApiMethod(ApiKey apiKey, Parser<Resp> responseParser) {
    this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
    this.responseParser = Objects.requireNonNull(responseParser, "responseParser");
    this.displayName = displayName(apiKey);
  }

  /** A method for {@code apiKey} whose responses are read with {@code responseParser}. */
  public static <Req extends MessageLite, Resp extends MessageLite> ApiMethod<Req, Resp> of(
      ApiKey apiKey, Parser<Resp> responseParser) {
    return new ApiMethod<>(apiKey, responseParser);
  }

  public ApiKey apiKey() {
    return apiKey;
  }

  public Parser<Resp> responseParser() {
    return responseParser;
  }

  /** The API's name as people read it in messages, e.g. {@code CreateDatabase}. */
  public String displayName() {
    return displayName;
  }

  @Override
  public String toString() {
    return displayName;
  }

  // CREATE_DATABASE -> CreateDatabase; computed once so that error messages cost no formatting.
  private static String displayName(ApiKey key) {
    StringBuilder sb = new StringBuilder();
    for (String word : key.name().split("_")) {
      sb.append(word.charAt(0)).append(word.substring(1).toLowerCase(java.util.Locale.ROOT));
    }
    return sb.toString();
  }
}
