package dev.kindj.config;

/** An enum constant with the exact spelling kind uses for it in YAML. */
interface YamlNamed {
    String yamlName();
}
