# The helper image local-path-provisioner runs on a node to create and remove volume folders
# (its setup and teardown scripts need sh, mkdir, rm): Debian's busybox-static and its applets.
FROM scratch
COPY busybox /bin/busybox
RUN ["/bin/busybox", "--install", "-s", "/bin"]
