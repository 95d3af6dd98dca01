package io.flussjava.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flussjava.testkit.FlussClusterException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerJarResolverTest {

  @TempDir Path repository;

  @Test
  void missingServerJarNamesThePathAndTheFix() {
    ServerJarResolver resolver = new ServerJarResolver(artifacts(repository), null);
    Path expected =
        repository.resolve(
            "org/apache/fluss/fluss-server/0.9.1-incubating/"
                + "fluss-server-0.9.1-incubating.jar");

    assertThatThrownBy(resolver::classpath)
        .isInstanceOf(FlussClusterException.class)
        .hasMessageContaining(expected.toString())
        .hasMessageContaining("mvn -pl fluss-testkit generate-resources")
        .hasMessageContaining("fluss.server.jar");
  }

  @Test
  void missingOverrideJarNamesThePath() {
    Path missing = repository.resolve("nope/fluss-server.jar");
    ServerJarResolver resolver = new ServerJarResolver(artifacts(repository), missing.toString());

    assertThatThrownBy(resolver::serverJar)
        .isInstanceOf(FlussClusterException.class)
        .hasMessageContaining(missing.toString())
        .hasMessageContaining("FLUSS_SERVER_JAR");
  }

  @Test
  void unfilteredPropertiesExplainWhatIsWrong() {
    Properties raw = new Properties();
    raw.setProperty("local.repository", "${settings.localRepository}");
    raw.setProperty("fluss.server.version", "${fluss.server.version}");

    assertThatThrownBy(() -> new ServerJarResolver(raw, null).serverJar())
        .isInstanceOf(FlussClusterException.class)
        .hasMessageContaining("filtered");
  }

  @Test
  void resolvesServerJarAndLoggingJarsFromTheRepository() throws Exception {
    Path server =
        touch(
            repository.resolve(
                "org/apache/fluss/fluss-server/0.9.1-incubating/"
                    + "fluss-server-0.9.1-incubating.jar"));
    for (String artifact : ServerJarResolver.LOG4J_ARTIFACTS) {
      touch(
          repository.resolve(
              "org/apache/logging/log4j/" + artifact + "/2.25.4/" + artifact + "-2.25.4.jar"));
    }

    assertThat(new ServerJarResolver(artifacts(repository), null).classpath())
        .hasSize(4)
        .first()
        .isEqualTo(server);
  }

  @Test
  void overrideWinsOverTheRepository() throws Exception {
    Path jar = touch(repository.resolve("custom/fluss-server.jar"));
    assertThat(new ServerJarResolver(artifacts(repository), jar.toString()).serverJar())
        .isEqualTo(jar);
  }

  @Test
  void missingLoggingJarsMeanNoLoggingRatherThanFailure() {
    assertThat(new ServerJarResolver(artifacts(repository), null).loggingJars()).isEmpty();
  }

  @Test
  void buildWroteTheArtifactProperties() {
    // The real, filtered resource on the test classpath; a regression here means the pom lost its
    // filtering.
    Path jar = ServerJarResolver.fromEnvironment().serverJar();
    assertThat(jar).isRegularFile();
  }

  private static Properties artifacts(Path repository) {
    Properties properties = new Properties();
    properties.setProperty("local.repository", repository.toString());
    properties.setProperty("fluss.server.version", "0.9.1-incubating");
    properties.setProperty("log4j.version", "2.25.4");
    return properties;
  }

  private static Path touch(Path file) throws Exception {
    Files.createDirectories(file.getParent());
    return Files.write(file, new byte[] {1});
  }
}
