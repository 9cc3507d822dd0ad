package eu.haven.core.erasure;

import java.util.List;

/** What an erasure request did: everything erased, or what still waits, and why. */
public record ErasureOutcome(boolean erased, List<ErasureView> waiting) {}
