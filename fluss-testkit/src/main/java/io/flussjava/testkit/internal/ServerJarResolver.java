package io.flussjava.testkit.internal;

import io.flussjava.testkit.FlussClusterException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Finds the Fluss server fat jar and the log4j jars the child JVMs run with.
 *
 * <p>The build resolves them into the local Maven repository and records where, in {@code
 * io/flussjava/testkit/server-artifacts.properties}. The jars are never put on this JVM's
 * classpath: the server jar shades its own ZooKeeper, Netty and Guava, which would clash with the
 * client under test.
 */
public final class ServerJarResolver {

  /** System property that points straight at a server jar, bypassing the Maven repository. */
  public static final String SERVER_JAR_PROPERTY = "fluss.server.jar";

  /** Environment variable with the same meaning as {@link #SERVER_JAR_PROPERTY}. */
  public static final String SERVER_JAR_ENV = "FLUSS_SERVER_JAR";

  static final String ARTIFACTS_RESOURCE = "/io/flussjava/testkit/server-artifacts.properties";
  static final List<String> LOG4J_ARTIFACTS =
      List.of("log4j-slf4j-impl", "log4j-api", "log4j-core");

  private final Properties artifacts;
  private final String jarOverride;

  ServerJarResolver(Properties artifacts, String jarOverride) {
    this.artifacts = artifacts;
    this.jarOverride = jarOverride == null || jarOverride.isBlank() ? null : jarOverride.trim();
  }

  /**
   * A resolver that reads the build-written properties and honours the system property and env
   * overrides.
   */
  public static ServerJarResolver fromEnvironment() {
    String override = System.getProperty(SERVER_JAR_PROPERTY);
    if (override == null || override.isBlank()) {
      override = System.getenv(SERVER_JAR_ENV);
    }
    return new ServerJarResolver(loadArtifactProperties(), override);
  }

  /**
   * Returns the child JVM classpath: the server jar first, then the log4j jars that give the server
   * a logging backend (the fat jar carries only slf4j-api and would otherwise log nothing).
   *
   * @throws FlussClusterException naming the path tried, if the server jar is missing
   */
  public List<Path> classpath() {
    List<Path> classpath = new ArrayList<>();
    classpath.add(serverJar());
    classpath.addAll(loggingJars());
    return classpath;
  }

  /**
   * The server fat jar; throws {@link FlussClusterException} naming the path tried when it does not
   * exist.
   */
  public Path serverJar() {
    if (jarOverride != null) {
      Path jar = Paths.get(jarOverride);
      if (!Files.isRegularFile(jar)) {
        throw new FlussClusterException(
            "Fluss server jar not found at "
                + jar.toAbsolutePath()
                + " (set by -D"
                + SERVER_JAR_PROPERTY
                + " or $"
                + SERVER_JAR_ENV
                + ")");
      }
      return jar;
    }
    String version = requiredProperty("fluss.server.version");
    Path jar = mavenArtifact("org.apache.fluss", "fluss-server", version);
    if (!Files.isRegularFile(jar)) {
      throw new FlussClusterException(
          "Fluss server jar not found at "
              + jar
              + ". Run"
              + " `mvn -pl fluss-testkit generate-resources` to download org.apache.fluss:fluss-server:"
              + version
              + " into the local Maven repository, or point -D"
              + SERVER_JAR_PROPERTY
              + " (or $"
              + SERVER_JAR_ENV
              + ") at a fluss-server jar.");
    }
    return jar;
  }

  /**
   * The log4j jars, or an empty list when any is missing: the cluster still works, it just logs
   * nothing.
   */
  public List<Path> loggingJars() {
    String repository = artifacts.getProperty("local.repository");
    String version = artifacts.getProperty("log4j.version");
    if (isUnfiltered(repository) || isUnfiltered(version)) {
      return List.of();
    }
    List<Path> jars = new ArrayList<>();
    for (String artifact : LOG4J_ARTIFACTS) {
      Path jar = mavenArtifact("org.apache.logging.log4j", artifact, version);
      if (!Files.isRegularFile(jar)) {
        return List.of();
      }
      jars.add(jar);
    }
    return jars;
  }

  private Path mavenArtifact(String groupId, String artifactId, String version) {
    Path repository = Paths.get(requiredProperty("local.repository"));
    return repository
        .resolve(groupId.replace('.', '/'))
        .resolve(artifactId)
        .resolve(version)
        .resolve(artifactId + "-" + version + ".jar");
  }

  private String requiredProperty(String key) {
    String value = artifacts.getProperty(key);
    if (isUnfiltered(value)) {
      throw new FlussClusterException(
          "Property '"
              + key
              + "' missing from "
              + ARTIFACTS_RESOURCE
              + " (was the resource filtered by Maven?). Run `mvn -pl fluss-testkit generate-resources` or set -D"
              + SERVER_JAR_PROPERTY
              + " to the fluss-server jar.");
    }
    return value.trim();
  }

  /**
   * Missing, or still the raw {@code ${...}} placeholder because the file was copied without
   * filtering.
   */
  private static boolean isUnfiltered(String value) {
    return value == null || value.isBlank() || value.contains("${");
  }

  private static Properties loadArtifactProperties() {
    Properties properties = new Properties();
    try (InputStream in = ServerJarResolver.class.getResourceAsStream(ARTIFACTS_RESOURCE)) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      throw new FlussClusterException("cannot read " + ARTIFACTS_RESOURCE, e);
    }
    return properties;
  }
}
