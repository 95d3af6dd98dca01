package io.flussjava.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a JUnit 5 test class that uses the JVM-wide shared Fluss cluster; see {@link
 * FlussClusterExtension}.
 *
 * <pre>{@code
 * @FlussClusterTest
 * class ProducerITCase {
 *     @Test
 *     void appends() {
 *         String bootstrap = FlussClusterExtension.sharedCluster().bootstrapServers();
 *     }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(FlussClusterExtension.class)
public @interface FlussClusterTest {}
