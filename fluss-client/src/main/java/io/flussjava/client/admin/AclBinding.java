package io.flussjava.client.admin;

import java.util.Objects;

/**
 * One ACL: a principal may do an operation on a resource from a host.
 *
 * <pre>{@code
 * admin.createAcls(List.of(
 *     AclBinding.allow(AclResource.table(path), AclPrincipal.user("alice"), AclOperation.READ)));
 * }</pre>
 *
 * @param host the client host the rule applies to, {@code *} for any
 */
public record AclBinding(
    AclResource resource,
    AclPrincipal principal,
    String host,
    AclOperation operation,
    AclPermission permission) {

  public AclBinding {
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(permission, "permission");
    if (resource.type() == AclResourceType.ANY
        || operation == AclOperation.ANY
        || permission == AclPermission.ANY) {
      throw new IllegalArgumentException(
          "ANY is for filters, not for an ACL: " + resourceText(resource));
    }
  }

  /** Allows the principal the operation on the resource from any host. */
  public static AclBinding allow(
      AclResource resource, AclPrincipal principal, AclOperation operation) {
    return new AclBinding(resource, principal, "*", operation, AclPermission.ALLOW);
  }

  /** A filter that matches exactly this ACL (to drop it). */
  public AclBindingFilter toFilter() {
    return new AclBindingFilter(
        resource.type(), resource.name(), principal, host, operation, permission);
  }

  private static String resourceText(AclResource r) {
    return r.type() + " " + r.name();
  }
}
