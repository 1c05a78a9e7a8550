package io.inferplan.report;

import java.util.Locale;

/** The two paper sizes procurement prints on; sizes in PDF points (1/72 inch). */
public enum PaperSize {
    A4("A4", 595.2756f, 841.8898f),
    LETTER("Letter", 612f, 792f);

    private final String label;
    private final float widthPoints;
    private final float heightPoints;

    PaperSize(String label, float widthPoints, float heightPoints) {
        this.label = label;
        this.widthPoints = widthPoints;
        this.heightPoints = heightPoints;
    }

    public String label() {
        return label;
    }

    public float widthPoints() {
        return widthPoints;
    }

    public float heightPoints() {
        return heightPoints;
    }

    /** "a4", "A4", "letter" (any case); null for anything else. */
    public static PaperSize parse(String text) {
        for (PaperSize size : values()) {
            if (size.name().equals(text.strip().toUpperCase(Locale.ROOT))) {
                return size;
            }
        }
        return null;
    }
}
