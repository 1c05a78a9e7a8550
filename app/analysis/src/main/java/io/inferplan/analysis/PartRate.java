package io.inferplan.analysis;

/**
 * A part's rental price per GPU-hour and where it comes from ("your price", "catalog: Lambda, 2026-10"), so the
 * rate field can say whose number it shows.
 */
public record PartRate(double usdPerGpuHour, String source) {
    /** How the rate field describes a rate the user typed (or one that matches neither price). */
    public static final String TYPED = "typed by you";
}
