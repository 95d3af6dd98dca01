/**
 * A test kit that runs a real Apache Fluss cluster (ZooKeeper, one coordinator, N tablet servers)
 * as child JVMs on loopback ports.
 *
 * <p>Use {@link io.flussjava.testkit.FlussCluster} directly in try-with-resources, or annotate a
 * JUnit 5 test class with {@link io.flussjava.testkit.FlussClusterTest} to share one cluster across
 * every test class in the JVM:
 *
 * <pre>{@code
 * @FlussClusterTest
 * class MyClientITCase {
 *     @Test
 *     void connects() {
 *         String bootstrap = FlussClusterExtension.sharedCluster().bootstrapServers();
 *         ...
 *     }
 * }
 * }</pre>
 */
package io.flussjava.testkit;
