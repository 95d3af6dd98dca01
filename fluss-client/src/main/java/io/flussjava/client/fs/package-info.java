/**
 * The file systems a scanner reads tiered (remote) log segments from: {@link
 * io.flussjava.client.fs.RemoteFileSystem}, the built-in {@link
 * io.flussjava.client.fs.LocalFileSystem} and the {@link io.flussjava.client.fs.RemoteFileSystems}
 * registry, which also finds implementations on the classpath through {@link
 * java.util.ServiceLoader}.
 */
package io.flussjava.client.fs;
