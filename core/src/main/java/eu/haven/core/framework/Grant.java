package eu.haven.core.framework;

import java.util.List;

/** Organisations of a type may process these categories for these purposes on these legal bases. */
public record Grant(String organisationType, List<String> purposes, List<String> categories,
                    List<String> legalBasis) {}
