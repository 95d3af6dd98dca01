package io.flussjava.client.admin;

import java.util.Objects;

/**
 * Selects ACLs to list or drop. A {@code null} name, principal or host and the {@code ANY} values
 * match anything.
 *
 * <pre>{@code
 * List<AclBinding> onTable = admin.listAcls(AclBindingFilter.forResource(AclResource.table(path)));
 * }</pre>
 */
public record AclBindingFilter(
    AclResourceType resourceType,
    String resourceName,
    AclPrincipal principal,
    String host,
    AclOperation operation,
    AclPermission permission) {

  /** Matches every ACL. */
  public static final AclBindingFilter ANY =
      new AclBindingFilter(
          AclResourceType.ANY, null, null, null, AclOperation.ANY, AclPermission.ANY);

  public AclBindingFilter {
    Objects.requireNonNull(resourceType, "resourceType");
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(permission, "permission");
  }

  /** Every ACL on one resource. */
  public static AclBindingFilter forResource(AclResource resource) {
    return new AclBindingFilter(
        resource.type(), resource.name(), null, null, AclOperation.ANY, AclPermission.ANY);
  }

  /** Every ACL of one principal. */
  public static AclBindingFilter forPrincipal(AclPrincipal principal) {
    return new AclBindingFilter(
        AclResourceType.ANY, null, principal, null, AclOperation.ANY, AclPermission.ANY);
  }
}
