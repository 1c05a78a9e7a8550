package io.inferplan.app.shell;

/** The pages of the main window, in navigation order, with their keyboard shortcut digit. */
public enum Page {
    DASHBOARD("Dashboard", "Cost, margin and break-even of the open scenario", "1"),
    PROJECTION("Projection", "The open scenario month by month", "2"),
    LATENCY("Latency", "Tail latency under load, from the serving simulator", "3"),
    OPTIMIZE("Optimize", "The cheapest part and configuration for the open scenario's workload", "4"),
    SENSITIVITY("Sensitivity", "What moves the open scenario's result most", "5"),
    UNCERTAINTY("Uncertainty", "How far the open scenario's results can move, and which guesses matter", "6"),
    COMPARE("Compare", "Scenarios side by side", "7"),
    CATALOG("Catalog", "Accelerators, their figures and sources", "8"),
    PROFILE("Profile", "Measure this machine's accelerators", "9");

    private final String title;
    private final String subtitle;
    private final String shortcutDigit;

    Page(String title, String subtitle, String shortcutDigit) {
        this.title = title;
        this.subtitle = subtitle;
        this.shortcutDigit = shortcutDigit;
    }

    public String title() {
        return title;
    }

    public String subtitle() {
        return subtitle;
    }

    public String shortcutDigit() {
        return shortcutDigit;
    }
}
