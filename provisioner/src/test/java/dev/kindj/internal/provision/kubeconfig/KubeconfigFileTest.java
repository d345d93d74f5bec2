package dev.kindj.internal.provision.kubeconfig;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

class KubeconfigFileTest {

    private static final String USERS_OWN = """
            apiVersion: v1
            kind: Config
            clusters:
            - cluster:
                server: https://prod.example:443
              name: prod
            contexts:
            - context:
                cluster: prod
                user: alice
                namespace: payments
              name: prod
            current-context: prod
            preferences: {}
            users:
            - name: alice
              user:
                token: secret-token
            """;

    @TempDir
    Path home;

    @Test
    void mergeCreatesAnOwnerOnlyFileWhereNoneWas() throws Exception {
        Path target = home.resolve(".kube/config");

        KubeconfigFile.merge(target, exported("demo", "https://127.0.0.1:40123"));

        assertThat(Files.getPosixFilePermissions(target))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        Map<String, Object> config = read(target);
        assertThat(config).containsEntry("current-context", "kindj-demo").containsEntry("kind", "Config");
        assertThat(names(config, "clusters")).containsExactly("kindj-demo");
        assertThat(names(config, "users")).containsExactly("kindj-demo");
        assertThat(names(config, "contexts")).containsExactly("kindj-demo");
        assertThat(Files.list(target.getParent())).containsExactly(target);
    }

    @Test
    void mergeKeepsTheUsersOtherEntriesAndSwitchesToTheNewContext() throws Exception {
        Path target = write(USERS_OWN);
        Files.setPosixFilePermissions(target, Set.of(PosixFilePermission.values()));

        KubeconfigFile.merge(target, exported("demo", "https://127.0.0.1:40123"));

        Map<String, Object> config = read(target);
        assertThat(config).containsEntry("current-context", "kindj-demo");
        assertThat(names(config, "clusters")).containsExactly("prod", "kindj-demo");
        assertThat(names(config, "users")).containsExactly("alice", "kindj-demo");
        assertThat(names(config, "contexts")).containsExactly("prod", "kindj-demo");
        assertThat(entry(config, "contexts", "prod")).isEqualTo(entry(new Yaml().load(USERS_OWN), "contexts", "prod"));
        assertThat(entry(config, "users", "alice")).isEqualTo(Map.of("token", "secret-token"));
        assertThat(Files.getPosixFilePermissions(target))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void mergingAgainReplacesTheClustersEntriesInsteadOfAddingMore() throws Exception {
        Path target = write(USERS_OWN);

        KubeconfigFile.merge(target, exported("demo", "https://127.0.0.1:40123"));
        KubeconfigFile.merge(target, exported("demo", "https://127.0.0.1:50000"));

        Map<String, Object> config = read(target);
        assertThat(names(config, "clusters")).containsExactly("prod", "kindj-demo");
        assertThat(names(config, "contexts")).containsExactly("prod", "kindj-demo");
        assertThat(entry(config, "clusters", "kindj-demo")).containsEntry("server", "https://127.0.0.1:50000");
    }

    @Test
    void removeDeletesOnlyThatClustersEntries() throws Exception {
        Path target = write(USERS_OWN);
        KubeconfigFile.merge(target, exported("other", "https://127.0.0.1:40001"));
        KubeconfigFile.merge(target, exported("demo", "https://127.0.0.1:40002"));

        KubeconfigFile.remove(target, "demo");

        Map<String, Object> config = read(target);
        assertThat(names(config, "clusters")).containsExactly("prod", "kindj-other");
        assertThat(names(config, "users")).containsExactly("alice", "kindj-other");
        assertThat(names(config, "contexts")).containsExactly("prod", "kindj-other");
        assertThat(config).containsEntry("current-context", "");
    }

    @Test
    void removeKeepsAnotherCurrentContext() throws Exception {
        Path target = write(USERS_OWN);
        KubeconfigFile.merge(target, exported("demo", "https://127.0.0.1:40002"));
        KubeconfigFile.merge(target, exported("other", "https://127.0.0.1:40001"));

        KubeconfigFile.remove(target, "demo");

        assertThat(read(target)).containsEntry("current-context", "kindj-other");
    }

    @Test
    void removeLeavesAFileWithoutTheClusterUntouched() throws Exception {
        Path target = write(USERS_OWN);

        KubeconfigFile.remove(target, "demo");

        assertThat(Files.readString(target)).isEqualTo(USERS_OWN);
    }

    @Test
    void removeFromAMissingFileCreatesNothing() throws Exception {
        Path target = home.resolve("config");

        KubeconfigFile.remove(target, "demo");

        assertThat(target).doesNotExist();
    }

    @Test
    void mergeThroughASymlinkUpdatesTheLinkedFile() throws Exception {
        Path real = write(USERS_OWN);
        Path link = Files.createSymbolicLink(home.resolve("link"), real);

        KubeconfigFile.merge(link, exported("demo", "https://127.0.0.1:40123"));

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(names(read(real), "clusters")).containsExactly("prod", "kindj-demo");
    }

    private static String exported(String cluster, String server) {
        String name = KubeconfigFile.entryName(cluster);
        return new Kubeconfig(name, server, "CA", name, "CERT", "KEY", name).toYaml();
    }

    private Path write(String content) throws Exception {
        return Files.writeString(home.resolve("config"), content);
    }

    private static Map<String, Object> read(Path file) throws Exception {
        return new Yaml().load(Files.readString(file));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> names(Map<String, Object> config, String section) {
        return ((List<Map<String, Object>>) config.get(section)).stream().map(entry -> entry.get("name")).toList();
    }

    /** The body of the named entry, e.g. the {@code cluster} map of a {@code clusters} entry. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> entry(Map<String, Object> config, String section, String name) {
        String field = section.substring(0, section.length() - 1);
        return ((List<Map<String, Object>>) config.get(section)).stream()
                .filter(entry -> name.equals(entry.get("name")))
                .map(entry -> (Map<String, Object>) entry.get(field))
                .findFirst()
                .orElseThrow();
    }
}
