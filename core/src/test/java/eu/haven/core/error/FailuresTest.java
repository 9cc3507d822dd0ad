package eu.haven.core.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

class FailuresTest {

    @Test
    void the_trace_names_classes_and_frames_but_never_a_message() {
        Exception root = new IllegalArgumentException("Amina Example, born 2001-02-03, room 17");
        RuntimeException top = new UncheckedIOException("while storing Amina Example", new java.io.IOException("disk full", root));
        String trace = Failures.trace(top);
        assertThat(trace).startsWith("java.io.UncheckedIOException")
            .contains("Caused by: java.io.IOException", "Caused by: java.lang.IllegalArgumentException",
                "at eu.haven.core.error.FailuresTest.the_trace_names_classes_and_frames_but_never_a_message")
            .doesNotContain("Amina").doesNotContain("2001").doesNotContain("disk full");
    }
}
