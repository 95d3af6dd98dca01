/**
 * Reads files a Fluss cluster keeps in S3 (tiered log segments, KV snapshots) for fluss-java's
 * scanners: {@link io.flussjava.fs.s3.S3FileSystem}, configured by {@link
 * io.flussjava.fs.s3.S3Config}. Adding this module's jar to the classpath is enough to register it.
 */
package io.flussjava.fs.s3;
