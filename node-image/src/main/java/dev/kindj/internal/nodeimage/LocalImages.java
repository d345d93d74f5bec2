package dev.kindj.internal.nodeimage;

import com.github.dockerjava.api.exception.BadRequestException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Image;
import dev.kindj.internal.provision.docker.DockerNodeProvider;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** What the local Docker image store holds; nothing is ever pulled. */
final class LocalImages {

    private LocalImages() {
    }

    static boolean exists(String image) {
        try (DockerNodeProvider docker = DockerNodeProvider.connect()) {
            docker.docker().inspectImageCmd(image).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        } catch (BadRequestException e) {
            throw new NodeImageException(NodeImageException.Kind.BAD_INPUT, "not a valid image name: " + image);
        }
    }

    /** Every tag in {@code repository}, newest image first. */
    static List<String> tagsNewestFirst(String repository) {
        try (DockerNodeProvider docker = DockerNodeProvider.connect()) {
            return docker.docker().listImagesCmd().withReferenceFilter(repository).exec().stream()
                    .sorted(Comparator.comparing(Image::getCreated, Comparator.nullsLast(Comparator.reverseOrder())))
                    .map(Image::getRepoTags)
                    .filter(Objects::nonNull)
                    .flatMap(Arrays::stream)
                    .toList();
        }
    }
}
