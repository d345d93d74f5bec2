package dev.kindj.internal.provision.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivilegeRefusalsTest {

    @TempDir
    Path cache;

    @Test
    void aRefusalIsRememberedForThatEngineOnly() {
        String engine = PrivilegeRefusals.engineKey("ABCD:EFGH:IJKL", "20.10.24", "6.18.0");
        String upgraded = PrivilegeRefusals.engineKey("ABCD:EFGH:IJKL", "28.5.2", "6.18.0");
        String rebootedIntoAnotherKernel = PrivilegeRefusals.engineKey("ABCD:EFGH:IJKL", "20.10.24", "6.19.0");

        new PrivilegeRefusals(cache.resolve("kindj/privilege-refusals")).remember(engine);

        PrivilegeRefusals anotherProcess = new PrivilegeRefusals(cache.resolve("kindj/privilege-refusals"));
        assertThat(anotherProcess.refused(engine)).isTrue();
        assertThat(anotherProcess.refused(upgraded)).isFalse();
        assertThat(anotherProcess.refused(rebootedIntoAnotherKernel)).isFalse();
        assertThat(engine).matches("[0-9a-f]{32}");
    }

    @Test
    void aCacheThatCannotBeWrittenOnlyForgets() throws Exception {
        Path notADirectory = Files.writeString(cache.resolve("file"), "x");
        PrivilegeRefusals refusals = new PrivilegeRefusals(notADirectory.resolve("privilege-refusals"));
        String engine = PrivilegeRefusals.engineKey("id", "v", "k");

        refusals.remember(engine);

        assertThat(refusals.refused(engine)).isFalse();
    }
}
