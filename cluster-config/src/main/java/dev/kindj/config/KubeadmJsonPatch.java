package dev.kindj.config;

/**
 * One entry of kind's {@code kubeadmConfigPatchesJSON6902}: RFC 6902 operations on the generated kubeadm, kubelet or
 * kube-proxy document of that group, version and kind.
 *
 * @param version null patches whichever version kindj's baseline has, as kind matches on the group alone then
 * @param path    the field path of the entry, such as {@code nodes[1].kubeadmConfigPatchesJSON6902[0]}
 */
record KubeadmJsonPatch(String group, String version, String kind, String patch, String path) {

    /** Where the operations' text is located with {@link Problems#locateText}. */
    String patchPath() {
        return FieldPath.field(path, "patch");
    }
}
