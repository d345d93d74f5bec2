package dev.kindj.config;

import dev.kindj.InvalidRequestException;
import java.util.List;
import java.util.stream.Collectors;

/** A cluster configuration that cannot be used; the message lists every problem, one per line. */
public class ConfigException extends InvalidRequestException {
    private final List<ConfigProblem> problems;

    public ConfigException(List<ConfigProblem> problems) {
        super(problems.stream().map(ConfigProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<ConfigProblem> problems() {
        return problems;
    }
}
