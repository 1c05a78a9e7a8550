package io.inferplan.app.theme;

import io.inferplan.analysis.charts.ChartStyle;
import java.util.List;
import java.util.Locale;

/** The two looks the app ships; each is base.css plus a palette. */
public enum Theme {
    LIGHT("light.css"),
    DARK("dark.css");

    private static final String FOLDER = "/io/inferplan/app/theme/";
    private final String palette;

    Theme(String palette) {
        this.palette = palette;
    }

    public List<String> stylesheets() {
        return List.of(url("base.css"), url(palette));
    }

    /** The charts' colours for this look. */
    public ChartStyle chartStyle() {
        return this == DARK ? ChartStyle.dark() : ChartStyle.light();
    }

    public Theme other() {
        return this == LIGHT ? DARK : LIGHT;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Theme parse(String id) {
        return "dark".equalsIgnoreCase(id) ? DARK : LIGHT;
    }

    private static String url(String file) {
        return Theme.class.getResource(FOLDER + file).toExternalForm();
    }
}
