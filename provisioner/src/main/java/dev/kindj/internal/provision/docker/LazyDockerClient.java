package dev.kindj.internal.provision.docker;

import com.github.dockerjava.api.DockerClient;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.function.Supplier;

/**
 * docker-java's client, made on its first use. Most CLI commands only look things up, which plain JSON requests do
 * (EngineApi); making the client (its configuration, HTTP client and ping) took longer than the look-ups.
 */
final class LazyDockerClient implements InvocationHandler {

    private final Supplier<DockerClient> connect;
    private volatile DockerClient client;

    private LazyDockerClient(Supplier<DockerClient> connect) {
        this.connect = connect;
    }

    static DockerClient of(Supplier<DockerClient> connect) {
        return (DockerClient) Proxy.newProxyInstance(DockerClient.class.getClassLoader(),
                new Class<?>[] {DockerClient.class}, new LazyDockerClient(connect));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> "lazy " + DockerClient.class.getSimpleName();
            };
        }
        if (method.getName().equals("close") && client == null) {
            return null; // never made: nothing to close
        }
        try {
            return method.invoke(client(), args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private DockerClient client() {
        DockerClient made = client;
        if (made == null) {
            synchronized (this) {
                if (client == null) {
                    client = connect.get();
                }
                made = client;
            }
        }
        return made;
    }
}
