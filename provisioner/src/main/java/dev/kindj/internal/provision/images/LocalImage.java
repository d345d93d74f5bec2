package dev.kindj.internal.provision.images;

/**
 * An image to load: its name and its Docker image ID, which is the digest of its config on the classic image
 * store and of its manifest (or index) on Docker's containerd image store.
 */
record LocalImage(ImageName name, String id) {
}
