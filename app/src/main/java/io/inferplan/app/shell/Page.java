package io.inferplan.app.shell;

/** The pages of the main window, in navigation order, with their keyboard shortcut digit. */
public enum Page {
    DASHBOARD("Dashboard", "Cost, margin and break-even of the open scenario", "1"),
    PROJECTION("Projection", "The open scenario month by month", "2"),
    SENSITIVITY("Sensitivity", "What moves the open scenario's result most", "3"),
    COMPARE("Compare", "Scenarios side by side", "4"),
    CATALOG("Catalog", "Accelerators, their figures and sources", "5"),
    PROFILE("Profile", "Measure this machine's accelerators", "6");

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
