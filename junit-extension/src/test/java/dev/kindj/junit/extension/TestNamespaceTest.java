package dev.kindj.junit.extension;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TestNamespaceTest {

    @Test
    void namesAreValidLabelsThatTellTheTest() {
        assertThat(TestNamespace.name("deploysTheApp")).matches("deploystheapp-[a-z0-9]{5}");
        assertThat(TestNamespace.name("a_very_long_test_method_name_that_keeps_going_and_going"))
                .matches("a-very-long-test-method-name-that-keeps-[a-z0-9]{5}");
        assertThat(TestNamespace.name("__")).matches("test-[a-z0-9]{5}");
    }
}
