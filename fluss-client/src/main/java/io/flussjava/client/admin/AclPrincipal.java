package io.flussjava.client.admin;

import java.util.Objects;

/** Who an ACL is for: a SASL user ({@code type} {@code User}); name {@code *} means every user. */
public record AclPrincipal(String type, String name) {
  public AclPrincipal {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(name, "name");
  }

  public static AclPrincipal user(String name) {
    return new AclPrincipal("User", name);
  }

  /** Every user. */
  public static AclPrincipal anyUser() {
    return user("*");
  }
}
