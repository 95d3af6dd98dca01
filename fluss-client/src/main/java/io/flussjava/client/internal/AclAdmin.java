package io.flussjava.client.internal;

import io.flussjava.client.admin.AclBinding;
import io.flussjava.client.admin.AclBindingFilter;
import io.flussjava.client.admin.AclOperation;
import io.flussjava.client.admin.AclPermission;
import io.flussjava.client.admin.AclPrincipal;
import io.flussjava.client.admin.AclResource;
import io.flussjava.client.admin.AclResourceType;
import io.flussjava.exception.ApiException;
import io.flussjava.exception.Errors;
import io.flussjava.rpc.ApiMethods;
import io.flussjava.rpc.protocol.CreateAclsRequest;
import io.flussjava.rpc.protocol.CreateAclsResponse;
import io.flussjava.rpc.protocol.DropAclsRequest;
import io.flussjava.rpc.protocol.DropAclsResponse;
import io.flussjava.rpc.protocol.ListAclsRequest;
import io.flussjava.rpc.protocol.PbAclFilter;
import io.flussjava.rpc.protocol.PbAclInfo;
import io.flussjava.rpc.protocol.PbCreateAclRespInfo;
import io.flussjava.rpc.protocol.PbDropAclsFilterResult;
import io.flussjava.rpc.protocol.PbDropAclsMatchingAcl;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The ACL operations of the coordinator's authorizer, and the translation of ACLs between their
 * typed form and the wire's codes. A create or drop that fails for some of its ACLs fails as a
 * whole with the typed error of the first failure (the others succeeded on the server; the message
 * says how many failed).
 */
final class AclAdmin {
  private final AdminCalls calls;

  AclAdmin(AdminCalls calls) {
    this.calls = calls;
  }

  CompletableFuture<List<AclBinding>> list(AclBindingFilter filter) {
    ListAclsRequest request = ListAclsRequest.newBuilder().setAclFilter(toPb(filter)).build();
    return calls.call(
        "listAcls(" + filter + ")",
        ApiMethods.LIST_ACLS,
        request,
        r -> r.getAclList().stream().map(AclAdmin::fromPb).toList());
  }

  CompletableFuture<Void> create(Collection<AclBinding> bindings) {
    Objects.requireNonNull(bindings, "bindings");
    CreateAclsRequest.Builder request = CreateAclsRequest.newBuilder();
    bindings.forEach(b -> request.addAcl(toPb(b)));
    String operation = "createAcls(" + bindings.size() + " ACLs)";
    return calls.call(
        operation,
        ApiMethods.CREATE_ACLS,
        request.build(),
        r -> {
          failOnErrors(operation, createErrors(r));
          return null;
        });
  }

  CompletableFuture<List<AclBinding>> drop(Collection<AclBindingFilter> filters) {
    Objects.requireNonNull(filters, "filters");
    DropAclsRequest.Builder request = DropAclsRequest.newBuilder();
    filters.forEach(f -> request.addAclFilter(toPb(f)));
    String operation = "dropAcls(" + filters.size() + " filters)";
    return calls.call(operation, ApiMethods.DROP_ACLS, request.build(), r -> dropped(operation, r));
  }

  private static List<ApiException> createErrors(CreateAclsResponse r) {
    List<ApiException> errors = new ArrayList<>();
    for (PbCreateAclRespInfo info : r.getAclResList()) {
      if (info.hasErrorCode() && info.getErrorCode() != Errors.NONE.code()) {
        errors.add(
            Errors.exceptionFor(
                info.getErrorCode(), fromPb(info.getAcl()) + ": " + info.getErrorMessage()));
      }
    }
    return errors;
  }

  static List<AclBinding> dropped(String operation, DropAclsResponse r) {
    List<AclBinding> dropped = new ArrayList<>();
    List<ApiException> errors = new ArrayList<>();
    for (PbDropAclsFilterResult result : r.getFilterResultsList()) {
      if (result.hasErrorCode() && result.getErrorCode() != Errors.NONE.code()) {
        errors.add(Errors.exceptionFor(result.getErrorCode(), result.getErrorMessage()));
      }
      for (PbDropAclsMatchingAcl m : result.getMatchingAclsList()) {
        if (m.hasErrorCode() && m.getErrorCode() != Errors.NONE.code()) {
          errors.add(
              Errors.exceptionFor(
                  m.getErrorCode(), fromPb(m.getAcl()) + ": " + m.getErrorMessage()));
        } else {
          dropped.add(fromPb(m.getAcl()));
        }
      }
    }
    failOnErrors(operation, errors);
    return List.copyOf(dropped);
  }

  private static void failOnErrors(String operation, List<ApiException> errors) {
    if (errors.isEmpty()) {
      return;
    }
    ApiException first = errors.get(0);
    if (errors.size() > 1) {
      first.addSuppressed(
          new IllegalStateException(
              operation + ": " + errors.size() + " ACLs failed; the others were applied"));
      errors.subList(1, errors.size()).forEach(first::addSuppressed);
    }
    throw first;
  }

  static PbAclInfo toPb(AclBinding b) {
    return PbAclInfo.newBuilder()
        .setResourceType(b.resource().type().code())
        .setResourceName(b.resource().name())
        .setPrincipalType(b.principal().type())
        .setPrincipalName(b.principal().name())
        .setHost(b.host())
        .setOperationType(b.operation().code())
        .setPermissionType(b.permission().code())
        .build();
  }

  static PbAclFilter toPb(AclBindingFilter f) {
    Objects.requireNonNull(f, "filter");
    PbAclFilter.Builder pb =
        PbAclFilter.newBuilder()
            .setResourceType(f.resourceType().code())
            .setOperationType(f.operation().code())
            .setPermissionType(f.permission().code());
    if (f.resourceName() != null) {
      pb.setResourceName(f.resourceName());
    }
    if (f.principal() != null) {
      pb.setPrincipalType(f.principal().type()).setPrincipalName(f.principal().name());
    }
    if (f.host() != null) {
      pb.setHost(f.host());
    }
    return pb.build();
  }

  static AclBinding fromPb(PbAclInfo pb) {
    return new AclBinding(
        new AclResource(AclResourceType.forCode(pb.getResourceType()), pb.getResourceName()),
        new AclPrincipal(pb.getPrincipalType(), pb.getPrincipalName()),
        pb.getHost(),
        AclOperation.forCode(pb.getOperationType()),
        AclPermission.forCode(pb.getPermissionType()));
  }
}
