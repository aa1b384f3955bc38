package dev.baton.setup;

import java.util.List;

/** The candidate groups of DESIGN.md: who works which part of a campaign. */
public final class Teams {

    public static final String PROJECT_MANAGERS = "project-managers";
    public static final String STRATEGY = "strategy";
    public static final String ANALYTICS = "analytics";
    public static final String EXECUTION = "execution";
    public static final String OPTIMIZATION = "optimization";

    /** Groups that work gates in Tasklist. */
    public static final List<String> WORKING_GROUPS = List.of(PROJECT_MANAGERS, STRATEGY, ANALYTICS, EXECUTION, OPTIMIZATION);

    private Teams() {
    }
}
