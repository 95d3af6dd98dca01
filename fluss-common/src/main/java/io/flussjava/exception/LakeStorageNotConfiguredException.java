package io.flussjava.exception;

/**
 * The cluster has no lake storage ({@code datalake.format}) configured, so the request cannot be
 * served.
 */
public class LakeStorageNotConfiguredException extends ApiException {
  private static final long serialVersionUID = 1L;

  public LakeStorageNotConfiguredException(String message) {
    super(Errors.LAKE_STORAGE_NOT_CONFIGURED_EXCEPTION, message);
  }
}
