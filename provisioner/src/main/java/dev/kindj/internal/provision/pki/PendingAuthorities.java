package dev.kindj.internal.provision.pki;

import java.security.KeyPair;
import java.util.concurrent.CompletableFuture;

/** Cluster authorities still being generated, so that certificates can wait for just the CA that signs them. */
record PendingAuthorities(
        CompletableFuture<CertificateAuthority> kubernetes,
        CompletableFuture<CertificateAuthority> frontProxy,
        CompletableFuture<CertificateAuthority> etcd,
        CompletableFuture<KeyPair> serviceAccountKeys) {

    static PendingAuthorities generate(KeyAlgorithm algorithm, ParallelIssuer issuer) {
        // kubeadm signs service-account tokens with RSA whatever the certificates use; the slowest key goes first
        CompletableFuture<KeyPair> serviceAccountKeys = issuer.submit(KeyAlgorithm.RSA_2048::generateKeyPair);
        return new PendingAuthorities(
                issuer.submit(() -> CertificateAuthority.create("kubernetes", algorithm)),
                issuer.submit(() -> CertificateAuthority.create("front-proxy-ca", algorithm)),
                issuer.submit(() -> CertificateAuthority.create("etcd-ca", algorithm)),
                serviceAccountKeys);
    }

    static PendingAuthorities of(ClusterAuthorities authorities) {
        return new PendingAuthorities(
                CompletableFuture.completedFuture(authorities.kubernetes()),
                CompletableFuture.completedFuture(authorities.frontProxy()),
                CompletableFuture.completedFuture(authorities.etcd()),
                CompletableFuture.completedFuture(authorities.serviceAccountKeys()));
    }

    ClusterAuthorities await() {
        return new ClusterAuthorities(
                ParallelIssuer.await(kubernetes),
                ParallelIssuer.await(frontProxy),
                ParallelIssuer.await(etcd),
                ParallelIssuer.await(serviceAccountKeys));
    }
}
