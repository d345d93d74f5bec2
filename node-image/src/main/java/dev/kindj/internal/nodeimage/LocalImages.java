package dev.kindj.internal.nodeimage;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** What the local Docker image store holds; nothing is ever pulled. */
final class LocalImages {

    private static final String FIELD_SEPARATOR = "\t";
    /** The docker CLI's CreatedAt is Go's Time.String() ("2025-06-01 10:11:12 +0200 CEST"); the offset makes it exact. */
    private static final DateTimeFormatter CREATED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z", Locale.ROOT);

    private LocalImages() {
    }

    static boolean exists(String image) {
        DockerCommand.Result inspect = DockerCommand.run("image", "inspect", "--format", "{{.Id}}", image);
        if (inspect.exitCode() == 0) {
            return true;
        }
        // Engines word "no such image" differently, but all of them say it; an invalid name is said too.
        String error = inspect.stderr().toLowerCase(Locale.ROOT);
        if (error.contains("invalid reference format")) {
            throw new NodeImageException(NodeImageException.Kind.BAD_INPUT, "not a valid image name: " + image);
        }
        if (error.contains("no such image")) {
            return false;
        }
        throw inspect.failure();
    }

    /** Every tag in {@code repository}, newest image first. */
    static List<String> tagsNewestFirst(String repository) {
        return newestFirst(DockerCommand.run("image", "ls", "--filter", "reference=" + repository,
                "--format", "{{.CreatedAt}}" + FIELD_SEPARATOR + "{{.Repository}}:{{.Tag}}").orThrow().stdout());
    }

    /** The tags of a listing of "CreatedAt TAB name:tag" lines, newest first. */
    static List<String> newestFirst(String listing) {
        return listing.lines()
                .map(line -> line.split(FIELD_SEPARATOR, 2))
                .sorted(Comparator.comparing((String[] row) -> created(row[0])).reversed())
                .map(row -> row[1])
                .toList();
    }

    private static OffsetDateTime created(String createdAt) {
        // The zone name that follows the offset is left unparsed: zone abbreviations are ambiguous.
        return OffsetDateTime.parse(createdAt.substring(0, "yyyy-MM-dd HH:mm:ss +0000".length()), CREATED_AT);
    }
}
