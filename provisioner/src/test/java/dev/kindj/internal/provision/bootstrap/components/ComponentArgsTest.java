package dev.kindj.internal.provision.bootstrap.components;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ComponentArgsTest {

    @Test
    void writesOneFlagPerLineInTheOrderGiven() {
        String text = ArgsFiles.text(new ComponentArgs("demo").flag("b", 2).flag("a", true).toFile());

        assertThat(text).isEqualTo("--b=2\n--a=true\n");
    }

    @Test
    void keyValueListsAreSortedAndLeftOutWhenEmpty() {
        String text = ArgsFiles.text(new ComponentArgs("demo")
                .keyValues("gates", Map.of("Zeta", false, "Alpha", true))
                .keyValues("nothing", Map.of())
                .toFile());

        assertThat(text).isEqualTo("--gates=Alpha=true,Zeta=false\n");
    }

    @Test
    void refusesRepeatedFlagsAndValuesThatAreNotOneLine() {
        assertThatThrownBy(() -> new ComponentArgs("demo").flag("a", 1).flag("a", 2))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("--a given twice for demo");
        assertThatThrownBy(() -> new ComponentArgs("demo").flag("a", " "))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ComponentArgs("demo").flag("a", "x\ny"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
