package dev.kindj.internal.provision.kubeconfig;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Adds kindj clusters to, and removes them from, a user's kubeconfig file such as {@code ~/.kube/config}. */
public final class KubeconfigFile {

    private static final List<String> SECTIONS = List.of("clusters", "contexts", "users");
    private static final String CURRENT_CONTEXT = "current-context";

    private KubeconfigFile() {}

    /** The cluster, user and context name a kindj cluster has in users' kubeconfigs. */
    public static String entryName(String clusterName) {
        return "kindj-" + clusterName;
    }

    /**
     * Adds the clusters, users and contexts of {@code kubeconfigYaml} to the target, replacing same-named entries,
     * and makes its current context the target's. Other entries stay as they are.
     */
    public static void merge(Path target, String kubeconfigYaml) throws IOException {
        try (FileLock lock = FileLock.acquire(target)) {
            mergeUnlocked(target, kubeconfigYaml);
        }
    }

    private static void mergeUnlocked(Path target, String kubeconfigYaml) throws IOException {
        Map<String, Object> incoming = KubeconfigYaml.load(kubeconfigYaml);
        Map<String, Object> config = read(target);
        for (String section : SECTIONS) {
            List<Map<String, Object>> entries = KubeconfigYaml.entries(config, section);
            for (Map<String, Object> entry : KubeconfigYaml.entries(incoming, section)) {
                entries.removeIf(existing -> Objects.equals(existing.get("name"), entry.get("name")));
                entries.add(entry);
            }
            config.put(section, entries);
        }
        config.put(CURRENT_CONTEXT, incoming.getOrDefault(CURRENT_CONTEXT, ""));
        write(target, config);
    }

    /** Removes the entries named {@link #entryName(String) kindj-clusterName}; a missing file is left missing. */
    public static void remove(Path target, String clusterName) throws IOException {
        if (!Files.exists(target)) {
            return;
        }
        try (FileLock lock = FileLock.acquire(target)) {
            removeUnlocked(target, clusterName);
        }
    }

    private static void removeUnlocked(Path target, String clusterName) throws IOException {
        String name = entryName(clusterName);
        Map<String, Object> config = read(target);
        boolean changed = false;
        for (String section : SECTIONS) {
            List<Map<String, Object>> entries = KubeconfigYaml.entries(config, section);
            changed |= entries.removeIf(entry -> name.equals(entry.get("name")));
            config.put(section, entries);
        }
        if (name.equals(config.get(CURRENT_CONTEXT))) {
            config.put(CURRENT_CONTEXT, "");
            changed = true;
        }
        if (changed) {
            write(target, config);
        }
    }

    private static Map<String, Object> read(Path target) throws IOException {
        if (!Files.exists(target)) {
            Map<String, Object> empty = new LinkedHashMap<>();
            empty.put("apiVersion", "v1");
            empty.put("kind", "Config");
            empty.put("preferences", Map.of());
            return empty;
        }
        return KubeconfigYaml.load(Files.readString(target));
    }

    /** Replaces the file in one step, so kubectl never sees half a kubeconfig, and keeps credentials owner-only. */
    private static void write(Path target, Map<String, Object> config) throws IOException {
        // a kubeconfig symlinked from elsewhere (dotfile managers) must stay a symlink
        Path file = Files.exists(target) ? target.toRealPath() : target.toAbsolutePath();
        Files.createDirectories(file.getParent());
        Path temporary = Files.createTempFile(file.getParent(), ".kindj-kubeconfig", ".tmp", ownerOnly());
        try {
            Files.writeString(temporary, KubeconfigYaml.dump(config));
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** File attributes that make a new file readable by its owner only, where the file system has POSIX modes. */
    public static FileAttribute<?>[] ownerOnly() {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
    }
}
