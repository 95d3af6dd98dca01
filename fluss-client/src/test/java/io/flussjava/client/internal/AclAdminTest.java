package io.flussjava.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flussjava.client.admin.AclBinding;
import io.flussjava.client.admin.AclBindingFilter;
import io.flussjava.client.admin.AclOperation;
import io.flussjava.client.admin.AclPrincipal;
import io.flussjava.client.admin.AclResource;
import io.flussjava.client.admin.TablePath;
import io.flussjava.exception.AuthorizationException;
import io.flussjava.exception.Errors;
import io.flussjava.rpc.protocol.DropAclsResponse;
import io.flussjava.rpc.protocol.PbAclFilter;
import io.flussjava.rpc.protocol.PbAclInfo;
import io.flussjava.rpc.protocol.PbDropAclsFilterResult;
import io.flussjava.rpc.protocol.PbDropAclsMatchingAcl;
import org.junit.jupiter.api.Test;

/** ACLs on the wire: the codes, what a filter leaves out, and how partial failures surface. */
class AclAdminTest {
  private static final AclBinding READ =
      AclBinding.allow(
          AclResource.table(TablePath.of("db", "t")),
          AclPrincipal.user("alice"),
          AclOperation.READ);

  @Test
  void aBindingTravelsWithTheServersCodesAndNames() {
    PbAclInfo pb = AclAdmin.toPb(READ);
    assertThat(pb.getResourceType()).isEqualTo(4);
    assertThat(pb.getResourceName()).isEqualTo("db.t");
    assertThat(pb.getPrincipalType()).isEqualTo("User");
    assertThat(pb.getOperationType()).isEqualTo(3);
    assertThat(pb.getPermissionType()).isEqualTo(2);
    assertThat(pb.getHost()).isEqualTo("*");
    assertThat(AclAdmin.fromPb(pb)).isEqualTo(READ);
    assertThat(AclResource.cluster().name()).isEqualTo("fluss-cluster");
  }

  @Test
  void aFilterLeavesOutWhatMatchesAnything() {
    PbAclFilter any = AclAdmin.toPb(AclBindingFilter.ANY);
    assertThat(any.hasResourceName()).isFalse();
    assertThat(any.hasPrincipalName()).isFalse();
    assertThat(any.hasHost()).isFalse();
    assertThat(any.getResourceType()).isEqualTo(1);
    assertThat(any.getOperationType()).isEqualTo(1);
    assertThat(any.getPermissionType()).isEqualTo(1);

    PbAclFilter exact = AclAdmin.toPb(READ.toFilter());
    assertThat(exact.getResourceName()).isEqualTo("db.t");
    assertThat(exact.getPrincipalName()).isEqualTo("alice");
  }

  @Test
  void aDropThatFailsForSomeAclsThrowsTheFirstTypedErrorWithTheOthersSuppressed() {
    AclBinding write = AclBinding.allow(READ.resource(), READ.principal(), AclOperation.WRITE);
    DropAclsResponse response =
        DropAclsResponse.newBuilder()
            .addFilterResults(
                PbDropAclsFilterResult.newBuilder()
                    .addMatchingAcls(PbDropAclsMatchingAcl.newBuilder().setAcl(AclAdmin.toPb(READ)))
                    .addMatchingAcls(
                        PbDropAclsMatchingAcl.newBuilder()
                            .setAcl(AclAdmin.toPb(write))
                            .setErrorCode(Errors.AUTHORIZATION_EXCEPTION.code())
                            .setErrorMessage("not allowed")))
            .addFilterResults(
                PbDropAclsFilterResult.newBuilder()
                    .setErrorCode(Errors.AUTHORIZATION_EXCEPTION.code())
                    .setErrorMessage("filter refused"))
            .build();

    assertThatThrownBy(() -> AclAdmin.dropped("dropAcls(2 filters)", response))
        .isInstanceOf(AuthorizationException.class)
        .hasMessageContaining("not allowed")
        .satisfies(e -> assertThat(e.getSuppressed()).hasSize(2));
  }

  @Test
  void aDropWithoutErrorsReturnsWhatItDropped() {
    DropAclsResponse response =
        DropAclsResponse.newBuilder()
            .addFilterResults(
                PbDropAclsFilterResult.newBuilder()
                    .addMatchingAcls(
                        PbDropAclsMatchingAcl.newBuilder().setAcl(AclAdmin.toPb(READ))))
            .build();
    assertThat(AclAdmin.dropped("dropAcls(1 filters)", response)).containsExactly(READ);
  }
}
